package com.mplifecycle.functions.admin;

import com.mplifecycle.aws.http.ApiResponse;

/** One admin route's work, after authentication. */
@FunctionalInterface
interface AdminRoute {
    ApiResponse handle(AdminRequest request);
}
