package com.aimabledocs.artifacts.adapters.rest.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes the admin credential or any valid API key in {@code X-API-Key}: reading a
 * space, managing its webhook endpoints. The method receives either caller ({@link ApiKeyFilter#callerOf}, a
 * {@code Caller}) and lets an API key act on its own space only (and only with the scope the use case asks for).
 * A key's calls are rate limited as on every other route. Takes precedence over an {@link AdminOnly} on the
 * class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdminOrSpaceKey {
}
