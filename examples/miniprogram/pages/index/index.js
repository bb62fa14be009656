const clm = require('miniprogram-lifecycle-sdk');

function today() {
  const d = new Date();
  const pad = (n) => (n < 10 ? '0' : '') + n;
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

// clm.page adds page_view on show and page_leave (with the dwell time) on hide and unload; it
// wraps onShareAppMessage because this page defines one (a page without it gets no share menu),
// tracking a share with a new shareId and appending clm_s=<shareId> to the path returned here.
Page(clm.page({
  data: { status: '' },

  onShow() {
    this.showStatus();
  },

  addToCart() {
    clm.track('add_to_cart', { sku: 'sku-1', qty: 1, priceFen: 1990 });
    this.showStatus();
  },

  checkIn() {
    clm.track('check_in', { date: today() });
    this.showStatus();
  },

  subscribe() {
    // Must run in a tap handler. Each accept becomes one sending credit for campaigns using the template.
    clm.requestSubscribe(['TPL_CART_REMINDER'])
      .then((result) => wx.showToast({ title: result.TPL_CART_REMINDER || 'done', icon: 'none' }))
      .catch((err) => wx.showToast({ title: 'subscribe failed ' + (err.errCode || ''), icon: 'none' }));
  },

  send() {
    clm.flush().then(() => this.showStatus());
  },

  showStatus() {
    this.setData({ status: JSON.stringify(clm.status()) });
  },

  onShareAppMessage() {
    return { title: 'Try this shop', path: '/pages/index/index' };
  }
}));
