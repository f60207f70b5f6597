package com.aimabledocs.artifacts.adapters.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the limiter does when its database cannot be reached: the call goes through, without the fields. */
class RateLimitFilterTest {

    @Test
    void givenUnreachableDatabase_consume_letsTheRequestThroughWithoutRateLimitFields() {
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused", "08001");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        RateLimitFilter filter = new RateLimitFilter(
                new RateLimiter(unreachable, new RateLimitPolicy(1, 1), Map.of(), 1), enabledConfig());
        Map<String, Object> properties = new HashMap<>();
        properties.put("artifacts.principal",
                new Principal(ApiKeyId.of(UUID.randomUUID()), SpaceId.of(UUID.randomUUID()), Set.of()));
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        for (int i = 0; i < 3; i++) {   // a limit of 1 would refuse the second call if anything were counted
            assertThatCode(() -> filter.consume(request)).doesNotThrowAnyException();
        }
        filter.headers(request, response);
        assertThat(headers).doesNotContainKeys("RateLimit", "RateLimit-Policy");
    }

    private static RateLimitConfig enabledConfig() {
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long requestsPerMinute() {
                return 1;
            }

            @Override
            public OptionalLong burst() {
                return OptionalLong.empty();
            }

            @Override
            public Map<String, SpaceLimits> spaces() {
                return Map.of();
            }

            @Override
            public double syncTolerance() {
                return 0.01;
            }

            @Override
            public Duration syncEvery() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration purgeEvery() {
                return Duration.ofMinutes(10);
            }
        };
    }
}
