package com.aimabledocs.artifacts.adapters.rest.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one resource method that also takes an event token in the {@code token} query parameter instead of
 * {@code X-API-Key}, for clients that cannot set headers (a browser's {@code EventSource}). Everywhere else a
 * {@code token} parameter is not a credential.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventTokenAllowed {

    /** The query parameter that carries the token. */
    String PARAMETER = "token";
}
