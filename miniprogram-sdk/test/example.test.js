'use strict';
// examples/miniprogram runs on the fake device: app.js initialises the SDK before App(), the page
// is wrapped by clm.page, and its buttons reach the API through the SDK.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { Device, FakeApi } = require('./fake-wx');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'miniprogram');

test('the example app tracks its launch, page and buttons through the SDK', async () => {
  const device = new Device();
  const api = new FakeApi(device);
  device.handler = (r) => api.handle(r);
  const clm = device.launch();
  const registered = {};
  device.app.globals.App = (o) => { registered.app = o; };
  device.app.globals.Page = (o) => { registered.page = o; };
  device.app.globals.wx.showToast = () => {};
  device.runScript(path.join(EXAMPLE, 'app.js'), { 'miniprogram-lifecycle-sdk': clm });
  device.runScript(path.join(EXAMPLE, 'pages/index/index.js'), { 'miniprogram-lifecycle-sdk': clm });
  device.show();
  const page = Object.assign({ route: 'pages/index/index', setData(d) { Object.assign(this.data, d); } },
    registered.page, { data: Object.assign({}, registered.page.data) });
  page.onShow();
  page.addToCart();
  page.checkIn();
  const share = page.onShareAppMessage({ from: 'button' });
  assert.match(share.path, /^\/pages\/index\/index\?clm_s=[0-9a-f-]{36}$/, 'the share names its id');
  page.subscribe();
  await device.advance(100);
  page.send();
  await device.advance(100);
  assert.ok(device.requests.every((r) => r.url.startsWith('http://127.0.0.1:3000/v1/')));
  assert.deepEqual(api.events.map((e) => e.type).sort(),
    ['add_to_cart', 'app_launch', 'app_show', 'check_in', 'page_view', 'share', 'subscribe_result']);
  assert.equal(`/pages/index/index?clm_s=${api.ofType('share')[0].props.shareId}`, share.path);
  assert.match(page.data.status, /"queued":0/);
});
