// The authors of a case's history: a maintainer who cuts releases and contributors with their own
// time zones, chosen per project so each repository has a stable cast of several people.
const PEOPLE = [
  ['Dana Whitfield', 'dana.whitfield@fastmail.com', 60],
  ['Rahul Menon', 'rahul@menon.dev', 330],
  ['Kasia Nowak', 'kasia.nowak@gmail.com', 60],
  ['Tomás Ferreira', 'tferreira@users.noreply.github.com', 0],
  ['Emily Zhang', 'emily.zhang@protonmail.com', -480],
  ['Jonas Berg', 'jonas@berg.se', 60],
  ['Ade Okafor', 'ade.okafor@outlook.com', 60],
  ['Mei Tanaka', 'mei.tanaka@users.noreply.github.com', 540],
  ['Liam O\'Brien', 'liam@obrien.ie', 0],
  ['Priya Raman', 'priya.raman@gmail.com', 330],
  ['Marco Rossi', 'marco.rossi@libero.it', 60],
  ['Sam Carter', 'sam@carter.io', -300],
  ['Olga Ivanova', 'olga.ivanova@yandex.com', 180],
  ['Ben Schulz', 'ben.schulz@posteo.de', 60],
  ['Chris Doyle', 'cdoyle@users.noreply.github.com', -420],
  ['Fatima Haddad', 'fatima.haddad@gmail.com', 120],
];

const toPerson = ([name, email, tz]) => ({ name, email, tz });

/** A stable maintainer and 5-8 contributors for a project; the first contributors commit most. */
export function authorsFor(projectId, rng) {
  let offset = 0;
  for (const ch of projectId) offset = (offset * 31 + ch.charCodeAt(0)) % PEOPLE.length;
  const maintainer = toPerson(PEOPLE[offset]);
  const count = 5 + (offset % 4);
  const cast = [];
  for (let i = 1; i <= count; i++) cast.push(toPerson(PEOPLE[(offset + i * 3) % PEOPLE.length]));
  // Weighted: earlier cast members appear several times, like a core team plus occasional contributors.
  const contributors = [maintainer, maintainer, ...cast.flatMap((person, i) => Array(Math.max(1, 4 - i)).fill(person))];
  void rng;
  return { maintainer, contributors };
}
