package com.mplifecycle.functions.session;

/** How a WeChat login errcode is answered to the mini-program. */
record LoginFailure(int status, String reason) {
    static LoginFailure of(int errcode) {
        switch (errcode) {
            case 40029:
            case 40163:
                return new LoginFailure(401, "invalid or already used login code; call wx.login again");
            case 40226:
                return new LoginFailure(403, "WeChat blocked this login");
            case 45011:
                return new LoginFailure(429, "too many logins for this user; retry in a minute");
            case -1:
                return new LoginFailure(502, "WeChat is busy; retry later");
            default:
                return new LoginFailure(502, "WeChat refused the login (errcode " + errcode + ")");
        }
    }
}
