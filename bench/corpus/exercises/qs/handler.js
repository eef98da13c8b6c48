'use strict';
// Parses and re-serialises the query strings of a search endpoint, as the HTTP layer of an app
// does for every request; fails loudly when a query cannot round-trip.
var qs = require('..');

var requests = [
    '/search?q=shoes&filter[brand][]=acme&filter[brand][]=zenith&filter[size]=42&page=2',
    '/search?sort=price&order=desc&tags[0]=new&tags[1]=sale&user[name]=Ada%20L&user[prefs][lang]=en',
    '/items?a.b.c=1&a.b.d=2&empty=&flag',
    '/items?ids=1,2,3&range[min]=10&range[max]=20&deep[a][b][c][d][e][f]=too-deep'
];

function splitUrl(url) {
    var at = url.indexOf('?');
    return { path: url.slice(0, at), query: url.slice(at + 1) };
}

function parseRequest(url) {
    var parts = splitUrl(url);
    var options = parts.path === '/items' ? { allowDots: true, depth: 3, arrayLimit: 50 } : { depth: 5 };
    return { path: parts.path, params: qs.parse(parts.query, options) };
}

function canonicalQuery(params) {
    return qs.stringify(params, { encode: true, sort: function (a, b) { return a.localeCompare(b); } });
}

function describe(request) {
    var keys = Object.keys(request.params).sort();
    return request.path + ' ' + keys.join(',') + ' -> ' + canonicalQuery(request.params);
}

function main() {
    var lines = requests.map(parseRequest).map(describe);
    var roundTrip = qs.parse(qs.stringify({ list: ['x', 'y'], nested: { key: 'v w' } }));
    if (roundTrip.nested.key !== 'v w' || roundTrip.list.length !== 2) {
        throw new Error('query does not round-trip: ' + JSON.stringify(roundTrip));
    }
    lines.push('filters: ' + qs.stringify({ filter: { price: [1, 2] } }, { encodeValuesOnly: true, indices: false }));
    console.log(lines.join('\n'));
}

main();
