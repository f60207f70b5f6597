package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint.Changes;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint.Disabled;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint.DisabledReason;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Contract of {@link WebhookEndpointRepository} ({@link JdbcWebhookEndpointRepository}) against real PostgreSQL. */
@QuarkusTest
class WebhookEndpointRepositoryTest {

    private static final WebhookEventType READY = WebhookEventType.subscribable("artifact.ready");
    private static final WebhookEventType JOB_FAILED = WebhookEventType.subscribable("job.failed");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    SpaceRepository spaces;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    DataSource dataSource;

    @Inject
    AesGcmSecretCipher cipher;

    @Test
    void givenNewEndpoint_findById_returnsItAsAddedOnlyInItsSpace() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.of(UUID.randomUUID()), space,
                WebhookUrl.parse("https://hooks.example.com/in?team=docs&x=%C3%A9"), Set.of(READY, JOB_FAILED),
                Optional.of("Équipe « docs » 📄"), WebhookSecret.generate(RANDOM), T0.plusNanos(1_000));

        unitOfWork.inTransaction(() -> endpoints.add(endpoint));

        WebhookEndpoint found = unitOfWork.inTransaction(() -> endpoints.findById(space, endpoint.id())).orElseThrow();
        assertThat(found).isEqualTo(endpoint);
        assertThat(found.secret().reveal()).isEqualTo(endpoint.secret().reveal());
        assertThat(found.previousSecret()).isEmpty();
        assertThat(found.enabled()).isTrue();
        assertThat(unitOfWork.read(() -> endpoints.findById(space, endpoint.id()))).contains(endpoint);
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);
        assertThat(unitOfWork.inTransaction(() -> endpoints.findById(other, endpoint.id()))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> endpoints.findById(space, WebhookEndpointId.of(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void givenRotatedFailingDisabledEndpoint_update_storesEveryFieldAndIncrementsTheVersion() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint endpoint = newEndpoint(space, Set.of(READY));
        unitOfWork.inTransaction(() -> endpoints.add(endpoint));
        WebhookEndpoint changed = endpoint
                .change(new Changes(Optional.of(WebhookUrl.parse("http://10.0.0.7:8080/hook")),
                        Optional.of(Set.of(JOB_FAILED)), Optional.of(Optional.empty()), Optional.empty()),
                        T0.plusSeconds(10))
                .rotateSecret(WebhookSecret.generate(RANDOM), T0.plusSeconds(20), Duration.ofHours(24))
                .deliveryFailed(T0.plusSeconds(30), Duration.ofDays(3))
                .gone(T0.plusSeconds(40).plusNanos(3_000));

        unitOfWork.inTransaction(() -> endpoints.update(changed));

        WebhookEndpoint found = unitOfWork.inTransaction(() -> endpoints.findById(space, endpoint.id())).orElseThrow();
        assertThat(found).isEqualTo(withVersion(changed, 1));
        assertThat(found.secret()).isEqualTo(changed.secret()).isNotEqualTo(endpoint.secret());
        assertThat(found.previousSecret()).contains(endpoint.secret());
        assertThat(found.previousSecretUntil()).contains(T0.plusSeconds(20).plus(Duration.ofHours(24)));
        assertThat(found.disabled()).contains(new Disabled(DisabledReason.GONE, T0.plusSeconds(40).plusNanos(3_000)));
        assertThat(found.failingSince()).contains(T0.plusSeconds(30));
        assertThat(found.description()).isEmpty();

        WebhookEndpoint enabledAgain = found.change(
                new Changes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)), T0.plusSeconds(50));
        unitOfWork.inTransaction(() -> endpoints.update(enabledAgain));
        WebhookEndpoint foundAgain = unitOfWork.inTransaction(() -> endpoints.findById(space, endpoint.id()))
                .orElseThrow();
        assertThat(foundAgain).isEqualTo(withVersion(enabledAgain, 2));
        assertThat(foundAgain.disabled()).isEmpty();
        assertThat(foundAgain.failingSince()).isEmpty();
    }

    @Test
    void givenEndpointChangedSinceRead_update_throwsConcurrentUpdateAndKeepsTheOtherChange() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint endpoint = newEndpoint(space, Set.of(READY));
        unitOfWork.inTransaction(() -> endpoints.add(endpoint));
        WebhookEndpoint first = endpoint.change(new Changes(Optional.empty(), Optional.empty(),
                Optional.of(Optional.of("first")), Optional.empty()), T0.plusSeconds(1));
        WebhookEndpoint second = endpoint.change(new Changes(Optional.empty(), Optional.empty(),
                Optional.of(Optional.of("second")), Optional.empty()), T0.plusSeconds(2));
        unitOfWork.inTransaction(() -> endpoints.update(first));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> endpoints.update(second)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining(endpoint.id().toString());

        assertThat(unitOfWork.inTransaction(() -> endpoints.findById(space, endpoint.id())))
                .contains(withVersion(first, 1));
    }

    @Test
    void givenEndpointsOfEveryKind_findReceiving_returnsTheEnabledOnesSubscribedToTheType() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint both = newEndpoint(space, Set.of(READY, JOB_FAILED));
        WebhookEndpoint readyOnly = newEndpoint(space, Set.of(READY));
        WebhookEndpoint jobOnly = newEndpoint(space, Set.of(JOB_FAILED));
        WebhookEndpoint disabled = newEndpoint(space, Set.of(READY)).change(
                new Changes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)), T0);
        WebhookEndpoint elsewhere = newEndpoint(other, Set.of(READY));
        unitOfWork.inTransaction(() -> {
            List.of(both, readyOnly, jobOnly, disabled, elsewhere).forEach(endpoints::add);
        });

        assertThat(unitOfWork.inTransaction(() -> endpoints.findReceiving(space, READY)))
                .extracting(WebhookEndpoint::id).containsExactlyInAnyOrder(both.id(), readyOnly.id());
        assertThat(unitOfWork.inTransaction(() -> endpoints.findReceiving(space, JOB_FAILED)))
                .extracting(WebhookEndpoint::id).containsExactlyInAnyOrder(both.id(), jobOnly.id());
        assertThat(unitOfWork.inTransaction(() -> endpoints.findReceiving(space,
                WebhookEventType.subscribable("artifact.deleted")))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> endpoints.findReceiving(other, READY))).containsExactly(elsewhere);
    }

    @Test
    void givenEndpointsInTwoSpaces_listAndCount_giveThatSpacesEndpointsNewestFirst() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint older = newEndpoint(space, Set.of(READY));
        WebhookEndpoint newer = WebhookEndpoint.create(WebhookEndpointId.of(UUID.randomUUID()), space,
                WebhookUrl.parse("https://example.com/newer"), Set.of(READY), Optional.empty(),
                WebhookSecret.generate(RANDOM), T0.plusSeconds(5));
        unitOfWork.inTransaction(() -> {
            List.of(newer, older, newEndpoint(other, Set.of(READY))).forEach(endpoints::add);
        });

        assertThat(unitOfWork.inTransaction(() -> endpoints.listBySpace(space))).containsExactly(newer, older);
        assertThat(unitOfWork.inTransaction(() -> endpoints.countBySpace(space))).isEqualTo(2);
        SpaceId empty = Fixtures.newSpace(unitOfWork, spaces);
        assertThat(unitOfWork.inTransaction(() -> endpoints.listBySpace(empty))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> endpoints.countBySpace(empty))).isZero();
    }

    @Test
    void givenEndpointWithDeliveriesAndAttempts_delete_removesThemAllOnlyInItsSpace() throws SQLException {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint endpoint = newEndpoint(space, Set.of(READY));
        WebhookDelivery delivery = WebhookDelivery.schedule(WebhookDeliveryId.of(UUID.randomUUID()), endpoint,
                new WebhookEvent("evt-1", space, READY, T0, "{}"), T0, T0);
        unitOfWork.inTransaction(() -> {
            endpoints.add(endpoint);
            deliveries.addIfAbsent(delivery);
            deliveries.addAttempt(new DeliveryAttempt(delivery.id(), 1, T0, Duration.ofMillis(12),
                    Optional.empty(), Optional.empty(), Optional.of("timeout")));
        });
        SpaceId other = Fixtures.newSpace(unitOfWork, spaces);

        assertThat(unitOfWork.inTransaction(() -> endpoints.delete(other, endpoint.id()))).isFalse();
        assertThat(unitOfWork.inTransaction(() -> endpoints.delete(space, endpoint.id()))).isTrue();

        assertThat(unitOfWork.inTransaction(() -> endpoints.findById(space, endpoint.id()))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> deliveries.findById(endpoint.id(), delivery.id()))).isEmpty();
        assertThat(count("select count(*) from webhook_attempts where delivery_id = ?", delivery.id().value()))
                .isZero();
        assertThat(unitOfWork.inTransaction(() -> endpoints.delete(space, endpoint.id()))).isFalse();
    }

    @Test
    void givenStoredEndpoint_secretColumns_holdCiphertextBoundToTheEndpointNotTheSecret() throws SQLException {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        WebhookEndpoint endpoint = newEndpoint(space, Set.of(READY));
        WebhookEndpoint rotated = endpoint.rotateSecret(WebhookSecret.generate(RANDOM), T0, Duration.ofHours(1));
        unitOfWork.inTransaction(() -> endpoints.add(rotated));

        byte[][] stored = storedSecrets(endpoint.id());

        for (int i = 0; i < 2; i++) {
            WebhookSecret plain = i == 0 ? rotated.secret() : endpoint.secret();
            assertThat(stored[i]).hasSize(1 + 4 + 12 + 32 + 16);
            assertThat(stored[i][0]).isEqualTo((byte) 1);
            assertThat(new String(stored[i], ISO_8859_1))
                    .doesNotContain(new String(plain.key(), ISO_8859_1));
            assertThat(cipher.decrypt(endpoint.id(), stored[i])).isEqualTo(plain);
            int row = i;
            assertThatThrownBy(() -> cipher.decrypt(WebhookEndpointId.of(UUID.randomUUID()), stored[row]))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static WebhookEndpoint newEndpoint(SpaceId space, Set<WebhookEventType> types) {
        return WebhookEndpoint.create(WebhookEndpointId.of(UUID.randomUUID()), space,
                WebhookUrl.parse("https://example.com/hooks/" + UUID.randomUUID()), types, Optional.empty(),
                WebhookSecret.generate(RANDOM), T0);
    }

    private static WebhookEndpoint withVersion(WebhookEndpoint e, long version) {
        return new WebhookEndpoint(e.id(), e.spaceId(), e.url(), e.eventTypes(), e.description(), e.secret(),
                e.previousSecret(), e.previousSecretUntil(), e.disabled(), e.failingSince(), e.createdAt(),
                e.updatedAt(), version);
    }

    private byte[][] storedSecrets(WebhookEndpointId id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select secret_ciphertext, previous_secret_ciphertext from webhook_endpoints where id = ?")) {
            statement.setObject(1, id.value());
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new byte[][] {rs.getBytes(1), rs.getBytes(2)};
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
