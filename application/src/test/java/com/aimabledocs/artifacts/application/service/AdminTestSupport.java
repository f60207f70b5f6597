package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;

/** The admin caller the administration service tests act as. */
final class AdminTestSupport {

    static final AdminPrincipal ADMIN = new AdminPrincipal("0123abcd");

    private AdminTestSupport() {
    }
}
