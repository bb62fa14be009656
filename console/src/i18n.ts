// Chinese by default, English by a switch. The choice (not a secret) is kept in localStorage.

const zh = {
  title: '客户生命周期 · 运营控制台', signIn: '登录', appId: '应用 ID', adminKey: '管理密钥', signOut: '退出',
  badKey: '管理密钥无效，请检查后重试。', otherApp: '此密钥属于另一个应用。', network: '无法连接 API：',
  overview: '概览', campaigns: '活动', customers: '客户', feedback: '反馈', loyalty: '会员积分', settings: '设置',
  notAvailable: '此功能的 API 尚未上线（404），暂不可用。', loading: '加载中…', error: '出错了：',
  stages: '各阶段客户数', stage: '阶段', count: '人数', day: '日期', stageHistory: '阶段人数（按天）',
  rfm: 'RFM 八象限', segment: '分群', retention: '留存（按首次访问日）', cohort: '新客数', funnel: '转化漏斗（近 30 天）',
  step: '步骤', repurchase: '复购率', buyers: '购买人数', repeatBuyers: '复购人数', rate: '比例', month: '首单月份',
  computedAt: '计算于', never: '尚未计算', total: '合计',
  NEW: '新客', GROWING: '成长', MATURE: '成熟', DECLINING: '衰退', CHURNED: '流失',
  IMPORTANT_VALUE: '重要价值', IMPORTANT_DEVELOP: '重要发展', IMPORTANT_RETAIN: '重要保持', IMPORTANT_WINBACK: '重要挽留',
  GENERAL_VALUE: '一般价值', GENERAL_DEVELOP: '一般发展', GENERAL_RETAIN: '一般保持', GENERAL_WINBACK: '一般挽留',
  rHigh: 'R 高（近期购买）', rLow: 'R 低', fmHighHigh: 'F 高 · M 高', fmLowHigh: 'F 低 · M 高', fmHighLow: 'F 高 · M 低', fmLowLow: 'F 低 · M 低',
  launch: '启动', page_view: '浏览', add_to_cart: '加购', checkout_start: '下单', order_paid: '支付',
  newCampaign: '新建活动', installDefaults: '安装默认活动', installed: '已安装：', kept: '已保留：', edit: '编辑', pause: '暂停', resume: '恢复',
  delete: '删除', confirmDelete: '确认删除活动', save: '保存', cancel: '取消', id: 'ID', name: '名称', enabled: '状态', on: '进行中', off: '已暂停',
  priority: '优先级', trigger: '触发条件', templateId: '模板 ID', page: '跳转页面', data: '模板数据', variants: '变体', holdoutPercent: '对照组 %', audience: '受众',
  saved: '已保存', results: '效果', variant: '变体', holdout: '对照组', decided: '决策', sent: '已发送', failed: '失败', skipped: '跳过', conversions: '转化',
  conversionRate: '转化率', lift: '提升', ci: '95% 置信区间', significant: '显著', yes: '是', no: '否', noOutcomes: '暂无效果数据',
  lookup: '查询', customerId: '客户 ID', filter: '筛选', all: '全部', level: '等级', next: '下一页', prev: '上一页', downloadCsv: '下载 CSV',
  firstSeenAt: '首次访问', lastActiveAt: '最近活跃', orders: '订单数', revenue: '消费金额', noCustomer: '没有这个客户', profile: '客户档案',
  stageSince: '进入阶段于', activeDays30: '近 30 天活跃天数', scores: 'RFM 评分', churn: '流失预测', pAlive: '存活概率', credits: '订阅次数',
  checkInStreak: '连续签到', lastPush: '最近推送', points: '积分', erase: '删除该客户的全部数据', eraseConfirm: '输入客户 ID 以确认删除：', erased: '已删除',
  eraseNow: '确认删除', stageHistoryNote: '阶段历史见“进入阶段于”；订单明细不在接口中。', none: '无', reason: '原因', status: '状态', note: '备注',
  acknowledge: '确认', resolve: '解决', category: '类别', text: '内容', rewards: '奖励', stock: '库存', costPoints: '所需积分', levels: '等级',
  settingsSaved: '设置已保存', timeZone: '时区', page404: '没有这个页面',
  growth: '成长值', multiplier: '积分倍率', anyLevel: '不限', minLevel: '最低等级', confirmDeleteReward: '确认删除奖励', newReward: '新奖励',
  customerPoints: '客户积分', balance: '余额', earned: '累计获得', spent: '累计使用', expired: '已过期', expiring: '即将过期', kind: '类型',
  adjustPoints: '调整积分（可为负）', adjust: '调整', more: '更多', pointsTotals: '积分发放与使用', pointsIssued: '发放积分', pointsSpent: '使用积分', pointsExpired: '过期积分', redemptions: '兑换次数', expiringSoon: '即将过期积分', daysUnit: '天内', ledgerAndAdjust: '积分明细与调整',
  kind_order: '订单', kind_refund: '退款', kind_check_in: '签到', kind_make_up: '补签', kind_reward: '兑换', kind_referral: '推荐',
  kind_adjustment: '人工调整', kind_expiry: '过期', kind_birthday: '生日',
  sharing: '分享', open: '待处理', acknowledged: '已确认', resolved: '已解决', bug: '故障', suggestion: '建议', complaint: '投诉',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: 'Customer lifecycle · operators\' console', signIn: 'Sign in', appId: 'App ID', adminKey: 'Admin key', signOut: 'Sign out',
  badKey: 'Unknown admin key: check it and try again.', otherApp: 'This key is for another app.', network: 'Cannot reach the API: ',
  overview: 'Overview', campaigns: 'Campaigns', customers: 'Customers', feedback: 'Feedback', loyalty: 'Loyalty', settings: 'Settings',
  notAvailable: 'The API for this view has not been deployed yet (404): not available yet.', loading: 'Loading…', error: 'Error: ',
  stages: 'Customers by stage', stage: 'Stage', count: 'Customers', day: 'Day', stageHistory: 'Customers by stage, day by day',
  rfm: 'RFM 8-cell grid', segment: 'Segment', retention: 'Retention by first-seen day', cohort: 'New', funnel: 'Funnel (last 30 days)',
  step: 'Step', repurchase: 'Repurchase rate', buyers: 'Buyers', repeatBuyers: 'Repeat buyers', rate: 'Rate', month: 'First order month',
  computedAt: 'Computed at', never: 'not computed yet', total: 'Total',
  NEW: 'New', GROWING: 'Growing', MATURE: 'Mature', DECLINING: 'Declining', CHURNED: 'Churned',
  IMPORTANT_VALUE: 'Important value', IMPORTANT_DEVELOP: 'Important develop', IMPORTANT_RETAIN: 'Important retain', IMPORTANT_WINBACK: 'Important win-back',
  GENERAL_VALUE: 'General value', GENERAL_DEVELOP: 'General develop', GENERAL_RETAIN: 'General retain', GENERAL_WINBACK: 'General win-back',
  rHigh: 'R high (recent)', rLow: 'R low', fmHighHigh: 'F high · M high', fmLowHigh: 'F low · M high', fmHighLow: 'F high · M low', fmLowLow: 'F low · M low',
  launch: 'Launch', page_view: 'Page view', add_to_cart: 'Add to cart', checkout_start: 'Checkout', order_paid: 'Paid',
  newCampaign: 'New campaign', installDefaults: 'Install the default set', installed: 'Installed: ', kept: 'Kept: ', edit: 'Edit', pause: 'Pause', resume: 'Resume',
  delete: 'Delete', confirmDelete: 'Really delete campaign', save: 'Save', cancel: 'Cancel', id: 'ID', name: 'Name', enabled: 'Status', on: 'running', off: 'paused',
  priority: 'Priority', trigger: 'Trigger', templateId: 'Template id', page: 'Page', data: 'Template data', variants: 'Variants', holdoutPercent: 'Holdout %', audience: 'Audience',
  saved: 'Saved', results: 'Results', variant: 'Variant', holdout: 'holdout', decided: 'Decided', sent: 'Sent', failed: 'Failed', skipped: 'Skipped', conversions: 'Conversions',
  conversionRate: 'Conversion rate', lift: 'Lift', ci: '95 % interval', significant: 'Significant', yes: 'yes', no: 'no', noOutcomes: 'No outcomes counted yet',
  lookup: 'Look up', customerId: 'Customer id', filter: 'Filter', all: 'All', level: 'Level', next: 'Next page', prev: 'Previous page', downloadCsv: 'Download CSV',
  firstSeenAt: 'First seen', lastActiveAt: 'Last active', orders: 'Orders', revenue: 'Revenue', noCustomer: 'No such customer', profile: 'Customer profile',
  stageSince: 'In stage since', activeDays30: 'Active days (30 d)', scores: 'RFM scores', churn: 'Churn forecast', pAlive: 'P(alive)', credits: 'Subscribe credits',
  checkInStreak: 'Check-in streak', lastPush: 'Last push', points: 'Points', erase: 'Erase everything about this customer', eraseConfirm: 'Type the customer id to confirm:', erased: 'Erased',
  eraseNow: 'Erase now', stageHistoryNote: 'Stage history: see "in stage since"; order lines are not in the API.', none: 'none', reason: 'Reason', status: 'Status', note: 'Note',
  acknowledge: 'Acknowledge', resolve: 'Resolve', category: 'Category', text: 'Text', rewards: 'Rewards', stock: 'Stock', costPoints: 'Cost (points)', levels: 'Levels',
  settingsSaved: 'Settings saved', timeZone: 'Time zone', page404: 'No such page',
  growth: 'Growth', multiplier: 'Points multiplier', anyLevel: 'any', minLevel: 'Lowest level', confirmDeleteReward: 'Really delete reward', newReward: 'New reward',
  customerPoints: 'A customer\'s points', balance: 'Balance', earned: 'Earned', spent: 'Spent', expired: 'Expired', expiring: 'Expiring', kind: 'Kind',
  adjustPoints: 'Adjust points (may be negative)', adjust: 'Adjust', more: 'More', pointsTotals: 'Points issued and spent', pointsIssued: 'Points issued', pointsSpent: 'Points spent', pointsExpired: 'Points expired', redemptions: 'Redemptions', expiringSoon: 'Points expiring', daysUnit: 'days', ledgerAndAdjust: 'Ledger and adjustment',
  kind_order: 'order', kind_refund: 'refund', kind_check_in: 'check-in', kind_make_up: 'make-up', kind_reward: 'reward', kind_referral: 'referral',
  kind_adjustment: 'adjustment', kind_expiry: 'expiry', kind_birthday: 'birthday',
  sharing: 'Sharing', open: 'open', acknowledged: 'acknowledged', resolved: 'resolved', bug: 'bug', suggestion: 'suggestion', complaint: 'complaint',
};

export type Lang = 'zh' | 'en';
let lang: Lang = localStorage.getItem('lang') === 'en' ? 'en' : 'zh';

export function currentLang(): Lang { return lang; }
export function setLang(l: Lang): void { lang = l; localStorage.setItem('lang', l); document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en'; }
export function locale(): string { return lang === 'zh' ? 'zh-CN' : 'en-GB'; }

/** The text of a key; an unknown key (e.g. a stage the console does not know yet) is shown as it is. */
export function t(key: string): string {
  const dict = lang === 'zh' ? zh : en;
  return (dict as Record<string, string>)[key] ?? key;
}
