package com.aimabledocs.artifacts.adapters.rest.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method, or every method of a resource class, that takes the admin credential in
 * {@code X-API-Key} instead of an API key: the administration of spaces and keys. An API key is still
 * authenticated (401 if it is unknown, revoked or missing), then refused: 404 when the path's {@code space_id}
 * names another space than its own, else 403. {@link ApiKeyFilter} reads the mark from the matched method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {
}
