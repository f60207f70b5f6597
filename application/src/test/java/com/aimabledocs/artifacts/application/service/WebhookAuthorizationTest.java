package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.application.service.AdminTestSupport.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.port.in.ChangeWebhookEndpointUseCase;
import com.aimabledocs.artifacts.application.port.in.RegisterWebhookEndpointUseCase;
import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.space.SpaceNotFoundException;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every webhook operation, for each kind of caller: a key of the space needs {@code webhooks:manage}, a key of
 * another space learns nothing (not found), an admin may act on any space, and an admin naming a space that
 * does not exist gets not found. Nothing is looked up in DNS or stored for a refused caller.
 */
class WebhookAuthorizationTest {

    /** One operation: the ports, an existing endpoint and delivery of the space, and the space to act on. */
    interface Operation {
        void call(WebhookTestPorts ports, Caller caller, SpaceId space, WebhookEndpoint endpoint,
                  WebhookDelivery delivery);
    }

    static Stream<Named<Operation>> operations() {
        return Stream.of(
                Named.of("register", (p, c, s, e, d) -> p.register.register(c, new RegisterWebhookEndpointUseCase
                        .Command(s, "https://hooks.example.com/2", List.of("artifact.ready"), Optional.empty()))),
                Named.of("list", (p, c, s, e, d) -> p.list.list(c, s)),
                Named.of("get", (p, c, s, e, d) -> p.get.get(c, s, e.id())),
                Named.of("change", (p, c, s, e, d) -> p.change.change(c, new ChangeWebhookEndpointUseCase.Command(s,
                        e.id(), Optional.of("https://hooks.example.com/3"), Optional.empty(), Optional.empty(),
                        Optional.empty()))),
                Named.of("delete", (p, c, s, e, d) -> p.delete.delete(c, s, e.id())),
                Named.of("rotate", (p, c, s, e, d) -> p.rotate.rotate(c, s, e.id())),
                Named.of("send test", (p, c, s, e, d) -> p.sendTest.sendTest(c, s, e.id())),
                Named.of("list deliveries", (p, c, s, e, d) -> p.listDeliveries.list(c, s, e.id(), Optional.empty(),
                        Optional.empty(), 10)),
                Named.of("get delivery", (p, c, s, e, d) -> p.listDeliveries.get(c, s, e.id(), d.id())),
                Named.of("retry", (p, c, s, e, d) -> p.retry.retry(c, s, e.id(), d.id())));
    }

    private static void run(Operation operation, BiConsumer<WebhookTestPorts, Runnable> check, boolean ownSpace,
                            java.util.function.Function<WebhookTestPorts, Caller> caller) {
        WebhookTestPorts ports = new WebhookTestPorts();
        WebhookEndpoint endpoint = ports.endpoint();
        WebhookDelivery delivery = ports.sendTest.sendTest(ports.manager(), ports.space, endpoint.id());
        ports.lookups.clear();
        SpaceId space = ownSpace ? ports.space : SpaceId.of(TestIds.next());
        check.accept(ports, () -> operation.call(ports, caller.apply(ports), space, endpoint, delivery));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void givenKeyWithoutTheScope_everyOperation_isForbiddenAndChangesNothing(Operation operation) {
        run(operation, (ports, call) -> {
            var before = List.of(ports.endpoints.all(), ports.deliveries.all());
            assertThatThrownBy(call::run).isInstanceOf(ForbiddenException.class);
            assertThat(List.of(ports.endpoints.all(), ports.deliveries.all())).isEqualTo(before);
            assertThat(ports.lookups).isEmpty();
        }, true, ports -> ports.key(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void givenKeyOfAnotherSpace_everyOperation_isNotFound(Operation operation) {
        run(operation, (ports, call) -> {
            assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class);
            assertThat(ports.lookups).isEmpty();
        }, true, WebhookTestPorts::otherSpaceKey);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void givenAdmin_everyOperation_works(Operation operation) {
        run(operation, (ports, call) -> assertThatCode(call::run).doesNotThrowAnyException(), true, ports -> ADMIN);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void givenAdminOnAMissingSpace_everyOperation_isSpaceNotFound(Operation operation) {
        run(operation, (ports, call) -> {
            assertThatThrownBy(call::run).isInstanceOf(SpaceNotFoundException.class);
            assertThat(ports.lookups).isEmpty();
        }, false, ports -> ADMIN);
    }
}
