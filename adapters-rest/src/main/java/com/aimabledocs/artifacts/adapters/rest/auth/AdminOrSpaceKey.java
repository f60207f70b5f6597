package com.aimabledocs.artifacts.adapters.rest.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes the admin credential or any valid API key in {@code X-API-Key}: reading a
 * space. The method receives either caller ({@link ApiKeyFilter#callerOf}) and shows an API key its own space
 * only. Takes precedence over an {@link AdminOnly} on the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdminOrSpaceKey {
}
