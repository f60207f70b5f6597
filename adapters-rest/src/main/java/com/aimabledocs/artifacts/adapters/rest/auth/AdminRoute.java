package com.aimabledocs.artifacts.adapters.rest.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administration routes, told apart by path alone: {@code /v1/spaces}, {@code /v1/spaces/{id}} and
 * {@code /v1/spaces/{id}/api-keys…}. Everything else under {@code /v1/} (the artifacts) is an API-key route.
 *
 * @param spaceId   the space named in the path, as sent (not yet validated); empty for {@code /v1/spaces}
 * @param spaceRead whether this is {@code GET /v1/spaces/{id}}, which an API key of that space may call too
 */
record AdminRoute(Optional<String> spaceId, boolean spaceRead) {

    private static final Pattern SPACES = Pattern.compile("/v1/spaces/?");
    private static final Pattern SPACE = Pattern.compile("/v1/spaces/([^/]+)/?");
    private static final Pattern API_KEYS = Pattern.compile("/v1/spaces/([^/]+)/api-keys(/.*)?");

    static Optional<AdminRoute> match(String method, String path) {
        if (SPACES.matcher(path).matches()) {
            return Optional.of(new AdminRoute(Optional.empty(), false));
        }
        Matcher space = SPACE.matcher(path);
        if (space.matches()) {
            return Optional.of(new AdminRoute(Optional.of(space.group(1)), "GET".equals(method) || "HEAD".equals(method)));
        }
        Matcher keys = API_KEYS.matcher(path);
        if (keys.matches()) {
            return Optional.of(new AdminRoute(Optional.of(keys.group(1)), false));
        }
        return Optional.empty();
    }
}
