// One small service file per supported language, before and after a commit that changes one
// method, with the crash line, the expected symbol chain and what the change touched.

import type { LanguageId } from '../../../src/core/ast';

export interface LanguageSample {
  language: LanguageId;
  path: string;
  before: string;
  after: string;
  /** A 1-based line inside the changed method, in the after version. */
  crashLine: number;
  /** Innermost first, qualified names. */
  chain: string[];
  /** Qualified name of the symbol the change touched (both sides). */
  changed: string;
  /** A call made from the changed method. */
  call: string;
  /** An import the file makes. */
  importSource: string;
  /** An identifier the change introduced. */
  introduced: string;
}

export const SAMPLES: LanguageSample[] = [
  {
    language: 'javascript', path: 'src/users.js', crashLine: 6, chain: ['UserService.email', 'UserService'], changed: 'UserService.email',
    call: 'find', importSource: './db', introduced: 'profile',
    before: "const db = require('./db');\n\nclass UserService {\n  email(id) {\n    const user = db.find(id);\n    return user.email;\n  }\n}\n\nmodule.exports = { UserService };\n",
    after: "const db = require('./db');\n\nclass UserService {\n  email(id) {\n    const user = db.find(id);\n    return user.profile.email;\n  }\n}\n\nmodule.exports = { UserService };\n",
  },
  {
    language: 'typescript', path: 'src/users.ts', crashLine: 6, chain: ['UserService.email', 'UserService'], changed: 'UserService.email',
    call: 'find', importSource: './db', introduced: 'profile',
    before: "import { find } from './db';\n\nexport class UserService {\n  email(id: string): string {\n    const user = find(id);\n    return user.email;\n  }\n}\n",
    after: "import { find } from './db';\n\nexport class UserService {\n  email(id: string): string {\n    const user = find(id);\n    return user!.profile.email;\n  }\n}\n",
  },
  {
    language: 'tsx', path: 'src/Profile.tsx', crashLine: 5, chain: ['Profile'], changed: 'Profile',
    call: 'useUser', importSource: './hooks', introduced: 'profile',
    before: "import { useUser } from './hooks';\n\nexport function Profile({ id }: { id: string }) {\n  const user = useUser(id);\n  return <span>{user.email}</span>;\n}\n",
    after: "import { useUser } from './hooks';\n\nexport function Profile({ id }: { id: string }) {\n  const user = useUser(id);\n  return <span>{user.profile.email}</span>;\n}\n",
  },
  {
    language: 'python', path: 'app/users.py', crashLine: 7, chain: ['UserService.email', 'UserService'], changed: 'UserService.email',
    call: 'find', importSource: 'app.db', introduced: 'profile',
    before: "from app.db import find\n\n\nclass UserService:\n    def email(self, user_id):\n        user = find(user_id)\n        return user.email\n",
    after: "from app.db import find\n\n\nclass UserService:\n    def email(self, user_id):\n        user = find(user_id)\n        return user.profile.email\n",
  },
  {
    language: 'java', path: 'src/main/java/app/UserService.java', crashLine: 8, chain: ['UserService.email', 'UserService'], changed: 'UserService.email',
    call: 'find', importSource: 'app.db.Db', introduced: 'getProfile',
    before: "package app;\n\nimport app.db.Db;\n\npublic class UserService {\n  public String email(String id) {\n    User user = Db.find(id);\n    return user.getEmail();\n  }\n}\n",
    after: "package app;\n\nimport app.db.Db;\n\npublic class UserService {\n  public String email(String id) {\n    User user = Db.find(id);\n    return user.getProfile().getEmail();\n  }\n}\n",
  },
  {
    language: 'go', path: 'users/service.go', crashLine: 9, chain: ['Service.Email'], changed: 'Service.Email',
    call: 'Find', importSource: 'example.com/app/db', introduced: 'Profile',
    before: "package users\n\nimport \"example.com/app/db\"\n\ntype Service struct{}\n\nfunc (s *Service) Email(id string) string {\n\tuser := db.Find(id)\n\treturn user.Email\n}\n",
    after: "package users\n\nimport \"example.com/app/db\"\n\ntype Service struct{}\n\nfunc (s *Service) Email(id string) string {\n\tuser := db.Find(id)\n\treturn user.Profile.Email\n}\n",
  },
  {
    language: 'ruby', path: 'lib/users/service.rb', crashLine: 7, chain: ['Users.Service.email', 'Users.Service', 'Users'], changed: 'Users.Service.email',
    call: 'find', importSource: 'db', introduced: 'profile',
    before: "require 'db'\n\nmodule Users\n  class Service\n    def email(id)\n      user = Db.find(id)\n      user.email\n    end\n  end\nend\n",
    after: "require 'db'\n\nmodule Users\n  class Service\n    def email(id)\n      user = Db.find(id)\n      user.profile.email\n    end\n  end\nend\n",
  },
  {
    language: 'csharp', path: 'src/Users/UserService.cs', crashLine: 9, chain: ['App.Users.UserService.Email', 'App.Users.UserService', 'App.Users'], changed: 'App.Users.UserService.Email',
    call: 'Find', importSource: 'App.Data', introduced: 'Profile',
    before: "using App.Data;\n\nnamespace App.Users\n{\n    public class UserService\n    {\n        public string Email(string id)\n        {\n            return Db.Find(id).Email;\n        }\n    }\n}\n",
    after: "using App.Data;\n\nnamespace App.Users\n{\n    public class UserService\n    {\n        public string Email(string id)\n        {\n            return Db.Find(id).Profile.Email;\n        }\n    }\n}\n",
  },
  {
    language: 'php', path: 'src/Users/UserService.php', crashLine: 10, chain: ['UserService.email', 'UserService'], changed: 'UserService.email',
    call: 'find', importSource: 'App\\Data\\Db', introduced: 'profile',
    before: "<?php\nnamespace App\\Users;\n\nuse App\\Data\\Db;\n\nclass UserService\n{\n    public function email(string $id): string\n    {\n        return Db::find($id)->email;\n    }\n}\n",
    after: "<?php\nnamespace App\\Users;\n\nuse App\\Data\\Db;\n\nclass UserService\n{\n    public function email(string $id): string\n    {\n        return Db::find($id)->profile->email;\n    }\n}\n",
  },
  {
    language: 'rust', path: 'src/users.rs', crashLine: 8, chain: ['UserService.email', 'UserService'], changed: 'UserService.email',
    call: 'find', importSource: 'crate::db', introduced: 'profile',
    before: "use crate::db;\n\npub struct UserService;\n\nimpl UserService {\n    pub fn email(&self, id: &str) -> String {\n        let user = db::find(id);\n        user.email.clone()\n    }\n}\n",
    after: "use crate::db;\n\npub struct UserService;\n\nimpl UserService {\n    pub fn email(&self, id: &str) -> String {\n        let user = db::find(id);\n        user.profile.email.clone()\n    }\n}\n",
  },
];
