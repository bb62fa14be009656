package com.mplifecycle.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** One admin route's work, after authentication. */
@FunctionalInterface
interface AdminRoute {
    APIGatewayV2HTTPResponse handle(AdminRequest request);
}
