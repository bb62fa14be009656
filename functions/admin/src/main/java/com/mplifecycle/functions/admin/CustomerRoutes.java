package com.mplifecycle.functions.admin;

import java.time.Clock;
import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.SharingStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.profile.CustomerScores;

/** {@code /v1/apps/{appId}/customers/{customerId}}. */
final class CustomerRoutes {
    private final ProfileStore profiles;
    private final AppStore apps;
    private final SharingStore sharing;
    private final Clock clock;
    private final CustomerErasure erasure;

    CustomerRoutes(ProfileStore profiles, AppStore apps, SharingStore sharing, Clock clock, CustomerErasure erasure) {
        this.profiles = profiles;
        this.apps = apps;
        this.sharing = sharing;
        this.clock = clock;
        this.erasure = erasure;
    }

    /** Erases whatever is known about the customer; 204 also when nothing was (erasure is idempotent). */
    ApiResponse delete(AdminRequest request) {
        erasure.erase(request.appId(), request.id("customerId"));
        return ApiResponses.noContent();
    }

    ApiResponse get(AdminRequest request) {
        String customerId = request.id("customerId");
        AppSettings settings = apps.settingsOrDefaults(request.appId());
        return profiles.load(request.appId(), customerId)
                .map(p -> {
                    Map<String, Object> view = ProfileView.of(p, scores(settings), settings.timeZone(),
                            clock.instant(), settings.lifecycle().activeWindowDays());
                    // kept outside the profile: counted when asked
                    view.put("referredCustomers", sharing.referredCount(request.appId(), customerId));
                    return ApiResponses.json(200, view);
                })
                .orElseGet(() -> ApiResponses.error(404, "no such customer", request.requestId()));
    }

    /** The app's last scheduled run, which the customer's RFM scores and churn values follow from. */
    private CustomerScores scores(AppSettings settings) {
        return apps.rfmRun(settings.appId()).map(run -> CustomerScores.of(run, settings.timeZone()))
                .orElse(CustomerScores.NONE);
    }
}
