package com.mplifecycle.domain.campaign;

import static com.mplifecycle.domain.campaign.CampaignJson.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seeds' scenarios as a campaign set an app can start from (docs/product.md, Campaigns). Template ids are
 * placeholders ({@code TPL_...}): an operator replaces them with the app's private template ids
 * and adapts the keyword names to those templates before enabling the set. Priorities put
 * time-critical and high-value pushes first when several are due for one customer.
 */
public final class DefaultCampaigns {
    private DefaultCampaigns() {
    }

    /** Campaign id → campaign JSON, validated by {@link CampaignReader} like any other. */
    public static Map<String, Map<String, Object>> json() {
        Map<String, Map<String, Object>> all = new java.util.LinkedHashMap<>();
        all.put("newcomer-gift", campaign("新人礼包", 60, map("type", "newcomer_no_order", "days", 1), "TPL_GIFT",
                "pages/gift/index", map("thing1", "新人专享礼包已到账", "thing2", "首单立减，限时领取")));
        all.put("cart-abandoned", campaign("购物车提醒", 90, map("type", "cart_abandoned", "hours", 2), "TPL_CART",
                "pages/cart/index", map("thing1", "购物车商品库存紧张", "amount2", "{{cartValue}}")));
        all.put("inactive-3d", campaign("3天未访问", 40, map("type", "inactive", "days", 3), "TPL_MISS",
                "pages/index/index", map("thing1", "好久不见，新品已上架", "date2", "{{today}}")));
        all.put("review-3d", campaign("首单评价提醒", 50, map("type", "after_first_order", "days", 3), "TPL_REVIEW",
                "pages/order/review", map("thing1", "您的订单已送达，快来评价", "date2", "{{firstOrderDate}}")));
        all.put("repurchase-7d", campaign("复购券", 55, map("type", "after_first_order", "days", 7), "TPL_COUPON",
                "pages/coupon/index", map("thing1", "复购专享券已发放", "amount2", "¥10")));
        all.put("winback-declining", campaign("衰退挽回", 70, map("type", "stage_entered", "stage", "DECLINING"),
                "TPL_COUPON", "pages/coupon/index", map("thing1", "回归专享优惠券", "amount2", "¥20")));
        all.put("churned-last-call", campaign("流失召回", 65, map("type", "stage_entered", "stage", "CHURNED"),
                "TPL_COUPON", "pages/coupon/index", map("thing1", "最后机会：大额回归券", "amount2", "¥30")));
        all.put("birthday", campaign("生日祝福", 80, map("type", "birthday"), "TPL_GIFT", "pages/gift/index",
                map("thing1", "生日快乐！专属礼物已备好", "thing2", "当天下单享双倍积分")));
        all.put("streak-at-risk", campaign("连签提醒", 85, map("type", "streak_at_risk", "minStreak", 3, "at", "20:00"),
                "TPL_CHECKIN", "pages/checkin/index", map("thing1", "今天还没签到哦", "number2", "{{streak}}")));
        all.put("feedback-resolved", campaign("反馈已处理", 95, map("type", "feedback_resolved"), "TPL_FEEDBACK",
                "pages/feedback/index", map("thing1", "您的反馈已处理完毕", "thing2", "感谢您的宝贵意见")));
        return all;
    }

    /** The set as campaigns. */
    public static List<Campaign> campaigns() {
        List<Campaign> out = new ArrayList<>();
        json().forEach((id, json) -> {
            CampaignReader.Result r = CampaignReader.read(id, json);
            if (r instanceof CampaignReader.Invalid) {
                throw new IllegalStateException("default campaign " + id + " is invalid: "
                        + ((CampaignReader.Invalid) r).errors());
            }
            out.add(((CampaignReader.Valid) r).campaign());
        });
        return out;
    }

    private static Map<String, Object> campaign(String name, int priority, Map<String, Object> trigger,
                                                String templateId, String page, Map<String, Object> data) {
        return map("name", name, "enabled", true, "priority", priority, "trigger", trigger, "templateId", templateId,
                "page", page, "data", data, "holdoutPercent", Campaign.DEFAULT_HOLDOUT_PERCENT);
    }
}
