// HTTP entry point: GET /health and GET /orders/<id>/receipt.
require('./instrument');
const http = require('node:http');
const { findOrder } = require('./orders');
const { renderReceipt } = require('./receipts');

const RECEIPT_PATH = /^\/orders\/([\w-]+)\/receipt$/;

function handleRequest(request, response) {
  console.log(`${request.method} ${request.url}`);
  if (request.url === '/health') {
    response.end('ok');
    return;
  }
  const match = RECEIPT_PATH.exec(request.url);
  const order = match && findOrder(match[1]);
  if (!order) {
    response.statusCode = 404;
    response.end('not found');
    return;
  }
  response.setHeader('Content-Type', 'text/plain');
  response.end(renderReceipt(order));
}

const server = http.createServer(handleRequest);
server.listen(Number(process.env.PORT || 3000), '127.0.0.1', () => {
  console.log(`shop-service listening on http://127.0.0.1:${server.address().port}`);
});
