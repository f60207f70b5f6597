package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import java.util.Optional;

/** Recognises the admin credential presented in {@code X-API-Key}. Reads no storage: the hashes are configured. */
public interface AuthenticateAdminUseCase {

    /**
     * @param presentedKey the raw {@code X-API-Key} header, possibly null
     * @return the admin principal, or empty when the header is missing, malformed or not an admin credential
     *         (the caller may then try it as an API key)
     */
    Optional<AdminPrincipal> authenticate(String presentedKey);
}
