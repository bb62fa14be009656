// The SDK is initialised before App(): app_launch and the first app_show are tracked from
// wx.getLaunchOptionsSync and wx.onAppShow, so App() itself stays the platform's.
const clm = require('miniprogram-lifecycle-sdk');

clm.init({
  appId: 'demo', // the app ./run-local registers
  // ./run-local's default port. In production: your API's https URL, which must be listed as a
  // "request" server domain in the mini-program's admin console (Development → Development settings
  // → Server domain), ICP-filed; DevTools' "do not check domains" only helps while developing.
  apiBase: 'http://127.0.0.1:3000',
  debug: true
});

App({});
