// Tree-sitter queries per language: definitions (captured as @function, @method, @class... with
// @name), calls (@callee) and imports (@source). Written for the grammar versions in package.json.

import type { LanguageId } from './languages';

export interface LanguageQueries {
  definitions: string;
  calls: string;
  imports: string;
}

const JS_DEFINITIONS = `
(function_declaration name: (_) @name) @function
(generator_function_declaration name: (_) @name) @function
(method_definition name: (_) @name) @method
(class_declaration name: (_) @name) @class
(class name: (_) @name) @class
(variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression) (generator_function)]) @function
(assignment_expression left: (member_expression property: (property_identifier) @name) right: [(arrow_function) (function_expression)]) @function
(assignment_expression left: (identifier) @name right: [(arrow_function) (function_expression)]) @function
(pair key: (property_identifier) @name value: [(arrow_function) (function_expression)]) @function
`;

const TS_DEFINITIONS = `${JS_DEFINITIONS}
(abstract_class_declaration name: (_) @name) @class
(interface_declaration name: (_) @name) @interface
(enum_declaration name: (_) @name) @enum
(internal_module name: (_) @name) @module
(public_field_definition name: (_) @name value: [(arrow_function) (function_expression)]) @method
`;

const JS_CALLS = `
(call_expression function: [(identifier) @callee (member_expression property: (property_identifier) @callee)])
(new_expression constructor: [(identifier) @callee (member_expression property: (property_identifier) @callee)])
`;

const JS_IMPORTS = `
(import_statement source: (string (string_fragment) @source))
(export_statement source: (string (string_fragment) @source))
(call_expression function: (identifier) @fn arguments: (arguments . (string (string_fragment) @source)) (#eq? @fn "require"))
(call_expression function: (import) arguments: (arguments . (string (string_fragment) @source)))
`;

const QUERIES: Record<LanguageId, LanguageQueries> = {
  javascript: { definitions: JS_DEFINITIONS, calls: JS_CALLS, imports: JS_IMPORTS },
  typescript: { definitions: TS_DEFINITIONS, calls: JS_CALLS, imports: JS_IMPORTS },
  tsx: { definitions: TS_DEFINITIONS, calls: JS_CALLS, imports: JS_IMPORTS },
  python: {
    definitions: `
(function_definition name: (identifier) @name) @function
(class_definition name: (identifier) @name) @class`,
    calls: `(call function: [(identifier) @callee (attribute attribute: (identifier) @callee)])`,
    imports: `
(import_statement name: [(dotted_name) @source (aliased_import name: (dotted_name) @source)])
(import_from_statement module_name: [(dotted_name) (relative_import)] @source)
(import_from_statement name: [(dotted_name) @submodule (aliased_import name: (dotted_name) @submodule)])`,
  },
  java: {
    definitions: `
(class_declaration name: (_) @name) @class
(record_declaration name: (_) @name) @class
(interface_declaration name: (_) @name) @interface
(enum_declaration name: (_) @name) @enum
(method_declaration name: (_) @name) @method
(constructor_declaration name: (_) @name) @method`,
    calls: `
(method_invocation name: (identifier) @callee)
(object_creation_expression type: [(type_identifier) @callee (generic_type (type_identifier) @callee)])`,
    imports: `(import_declaration [(scoped_identifier) (identifier)] @source)`,
  },
  go: {
    definitions: `
(function_declaration name: (_) @name) @function
(method_declaration receiver: (parameter_list (parameter_declaration type: [(type_identifier) @receiver (pointer_type (type_identifier) @receiver)])) name: (_) @name) @method
(type_spec name: (_) @name type: (struct_type)) @struct
(type_spec name: (_) @name type: (interface_type)) @interface`,
    calls: `(call_expression function: [(identifier) @callee (selector_expression field: (field_identifier) @callee)])`,
    imports: `(import_spec path: (interpreted_string_literal (interpreted_string_literal_content) @source))`,
  },
  ruby: {
    definitions: `
(method name: (_) @name) @method
(singleton_method name: (_) @name) @method
(class name: (_) @name) @class
(module name: (_) @name) @module`,
    calls: `(call method: (identifier) @callee)`,
    imports: `(call method: (identifier) @fn arguments: (argument_list . (string (string_content) @source)) (#any-of? @fn "require" "require_relative" "load"))`,
  },
  csharp: {
    definitions: `
(class_declaration name: (_) @name) @class
(record_declaration name: (_) @name) @class
(struct_declaration name: (_) @name) @struct
(interface_declaration name: (_) @name) @interface
(enum_declaration name: (_) @name) @enum
(namespace_declaration name: (_) @name) @namespace
(method_declaration name: (_) @name) @method
(constructor_declaration name: (_) @name) @method
(property_declaration name: (_) @name) @method
(local_function_statement name: (_) @name) @function`,
    calls: `
(invocation_expression function: [(identifier) @callee (member_access_expression name: (identifier) @callee) (generic_name (identifier) @callee)])
(object_creation_expression type: [(identifier) @callee (qualified_name name: (identifier) @callee)])`,
    imports: `(using_directive [(identifier) (qualified_name)] @source)`,
  },
  php: {
    definitions: `
(function_definition name: (name) @name) @function
(method_declaration name: (name) @name) @method
(class_declaration name: (name) @name) @class
(interface_declaration name: (name) @name) @interface
(trait_declaration name: (name) @name) @trait
(enum_declaration name: (name) @name) @enum`,
    calls: `
(function_call_expression function: [(name) @callee (qualified_name (name) @callee)])
(member_call_expression name: (name) @callee)
(nullsafe_member_call_expression name: (name) @callee)
(scoped_call_expression name: (name) @callee)
(object_creation_expression [(name) @callee (qualified_name (name) @callee)])`,
    imports: `
(namespace_use_clause [(qualified_name) (name)] @source)
(require_expression [(string (string_content) @source) (encapsed_string (string_content) @source)])
(require_once_expression [(string (string_content) @source) (encapsed_string (string_content) @source)])
(include_expression [(string (string_content) @source) (encapsed_string (string_content) @source)])
(include_once_expression [(string (string_content) @source) (encapsed_string (string_content) @source)])`,
  },
  rust: {
    definitions: `
(function_item name: (_) @name) @function
(impl_item type: (_) @name) @impl
(trait_item name: (_) @name) @trait
(struct_item name: (_) @name) @struct
(enum_item name: (_) @name) @enum
(mod_item name: (_) @name body: (_)) @module`,
    calls: `
(call_expression function: [(identifier) @callee (field_expression field: (field_identifier) @callee) (scoped_identifier name: (identifier) @callee)])
(macro_invocation macro: (identifier) @callee)`,
    imports: `
(use_declaration argument: (_) @source)
(mod_item name: (identifier) @source !body)`,
  },
};

export function queriesFor(language: LanguageId): LanguageQueries {
  return QUERIES[language];
}
