// The generated CloudFront viewer-request function, run on sample requests:
// a page path gets its prerendered file; files and content go to S3 as asked.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../browser/support.mjs';

function handlerFrom(file) {
  const source = readFileSync(join(REPO, file), 'utf8');
  return new Function(`${source}; return handler;`)();
}

const route = (handler, uri) => handler({ request: { uri } }).uri;

describe('CloudFront viewer-request function', () => {
  test('at the root', () => {
    const handler = handlerFrom('target/deploy/cloudfront/viewer-request.js');
    assert.equal(route(handler, '/'), '/index.html');
    assert.equal(route(handler, '/news/usst-medical-equipment-centre'), '/news/usst-medical-equipment-centre/index.html');
    assert.equal(route(handler, '/news/usst-medical-equipment-centre/'), '/news/usst-medical-equipment-centre/index.html');
    assert.equal(route(handler, '/content/articles/missing.json'), '/content/articles/missing.json');
    assert.equal(route(handler, '/content/images'), '/content/images');
    assert.equal(route(handler, '/404.html'), '/404.html');
    assert.equal(route(handler, '/reader-0123456789abcdef_bg.wasm'), '/reader-0123456789abcdef_bg.wasm');
  });

  test('under /news/', () => {
    const handler = handlerFrom('target/deploy-subpath/cloudfront/viewer-request.js');
    assert.equal(route(handler, '/news/'), '/news/index.html');
    assert.equal(route(handler, '/news/news/a-b'), '/news/news/a-b/index.html');
    assert.equal(route(handler, '/news/content/list/front.json'), '/news/content/list/front.json');
    assert.equal(route(handler, '/elsewhere/page'), '/elsewhere/page');
  });

  test('anything S3 does not have becomes 404.html with a real 404', () => {
    for (const [dir, base] of [['target/deploy', '/'], ['target/deploy-subpath', '/news/']]) {
      const responses = JSON.parse(readFileSync(join(REPO, dir, 'cloudfront/custom-error-responses.json'), 'utf8'));
      assert.deepEqual(
        responses.Items.map((item) => [item.ErrorCode, item.ResponsePagePath, item.ResponseCode]),
        [[403, `${base}404.html`, '404'], [404, `${base}404.html`, '404']],
      );
    }
  });
});
