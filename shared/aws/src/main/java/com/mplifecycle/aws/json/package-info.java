/**
 * The project's JSON: avaje-jsonb with adapters generated at compile time (no reflection, a few
 * classes per document type), configured once in {@link com.mplifecycle.aws.json.Jsonbs}. The
 * import below has adapters generated for the stored documents of the JDK-only domain module (and
 * the records answers carry) without annotating it.
 */
@Json.Import({
        CustomerProfile.class, Order.class, OrderDay.class, ArchivedOrderIds.class, Cart.class, CheckInStreak.class,
        Demographics.class, LastPush.class, FunnelDays.class, FunnelProgress.class, Referral.class,
        ResolvedFeedback.class, FeedbackItem.class, StatusChange.class,
        AppSettings.class, PushLimits.class, AbuseLimits.class, LifecycleThresholds.class,
        RfmRun.class, RfmStatisticsSnapshot.class, BgNbdParameters.class,
        CustomerStatistics.class, RetentionCohort.class, RepurchaseMonth.class,
        FieldError.class, RfmSlicePublisher.SliceRequest.class, DispatchWorkPublisher.Work.class, TallyPart.class, ScorePart.class, ModelPart.class,
        OrderSettings.class, LoyaltySettings.class, Level.class, LoyaltyStatus.class,
        PointsAccount.class, AccountOrder.class, DayRun.class, LedgerEntry.class, ReferralReward.class})
package com.mplifecycle.aws.json;

import com.mplifecycle.aws.bus.DispatchWorkPublisher;
import com.mplifecycle.aws.bus.RfmSlicePublisher;
import com.mplifecycle.aws.store.ModelPart;
import com.mplifecycle.aws.store.ScorePart;
import com.mplifecycle.aws.store.TallyPart;
import com.mplifecycle.domain.app.AbuseLimits;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.PushLimits;
import com.mplifecycle.domain.input.FieldError;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.feedback.StatusChange;
import com.mplifecycle.domain.funnel.FunnelDays;
import com.mplifecycle.domain.funnel.FunnelProgress;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.loyalty.AccountOrder;
import com.mplifecycle.domain.loyalty.DayRun;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.OrderSettings;
import com.mplifecycle.domain.loyalty.PointsAccount;
import com.mplifecycle.domain.loyalty.ReferralReward;
import com.mplifecycle.domain.profile.ArchivedOrderIds;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CheckInStreak;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Demographics;
import com.mplifecycle.domain.profile.LastPush;
import com.mplifecycle.domain.profile.LoyaltyStatus;
import com.mplifecycle.domain.profile.Order;
import com.mplifecycle.domain.profile.OrderDay;
import com.mplifecycle.domain.profile.Referral;
import com.mplifecycle.domain.profile.ResolvedFeedback;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;
import com.mplifecycle.domain.stats.CustomerStatistics;
import com.mplifecycle.domain.stats.RepurchaseMonth;
import com.mplifecycle.domain.stats.RetentionCohort;

import io.avaje.jsonb.Json;
