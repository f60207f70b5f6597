package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.POSTGRES_UUID_ORDER;
import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.port.IdGenerator;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.port.WebhookDeliveryRepository;
import com.aimabledocs.artifacts.domain.port.WebhookEndpointRepository;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.DeliveryAttempt;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.RetrySchedule;
import com.aimabledocs.artifacts.domain.webhook.WebhookDelivery;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint.Changes;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEvent;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import com.aimabledocs.artifacts.domain.webhook.WebhookSecret;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link WebhookDeliveryRepository} ({@link JdbcWebhookDeliveryRepository}) against real PostgreSQL.
 * Claims and {@code oldestDue} look at every delivery, so each test starts without any (this module's tests have
 * a schema of their own, see application.properties).
 */
@QuarkusTest
class WebhookDeliveryRepositoryTest {

    private static final WebhookEventType READY = WebhookEventType.subscribable("artifact.ready");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = T0.plusSeconds(3600);
    private static final Instant CLAIM_UNTIL = NOW.plusSeconds(60);
    private static final Instant LATER = CLAIM_UNTIL.plusSeconds(60);
    private static final int ALL = 1000;
    private static final RetrySchedule SCHEDULE = RetrySchedule.parse("0s,5s,5m", 0);

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    SpaceRepository spaces;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    IdGenerator ids;

    @Inject
    DataSource dataSource;

    private SpaceId space;
    private ExecutorService executor;

    @BeforeEach
    void noDeliveries() {
        unitOfWork.inTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from webhook_endpoints");   // their deliveries and attempts go too
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        space = Fixtures.newSpace(unitOfWork, spaces);
        executor = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void givenSameEventTwice_addIfAbsent_addsItOncePerEndpoint() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookEndpoint other = endpoint(true);
        WebhookDelivery delivery = delivery(endpoint, "evt-1", NOW);

        assertThat(unitOfWork.inTransaction(() -> deliveries.addIfAbsent(delivery))).isTrue();
        assertThat(unitOfWork.inTransaction(() -> deliveries.addIfAbsent(delivery(endpoint, "evt-1", NOW)))).isFalse();
        assertThat(unitOfWork.inTransaction(() -> deliveries.addIfAbsent(delivery(other, "evt-1", NOW)))).isTrue();

        assertThat(unitOfWork.inTransaction(() -> deliveries.findById(endpoint.id(), delivery.id()))).contains(delivery);
        assertThat(unitOfWork.inTransaction(() -> deliveries.findById(other.id(), delivery.id()))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> deliveries.page(endpoint.id(), Optional.empty(), Optional.empty(),
                ALL))).containsExactly(delivery);
    }

    @Test
    void givenDueAndOtherDeliveries_claimDue_takesTheDueOnesOfEnabledEndpointsOldestFirst() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookEndpoint disabled = endpoint(false);
        WebhookEndpoint skipped = endpoint(true);
        WebhookDelivery second = delivery(endpoint, "evt-2", NOW.minusSeconds(1));
        WebhookDelivery first = delivery(endpoint, "evt-1", NOW.minusSeconds(2));
        WebhookDelivery dueNow = delivery(endpoint, "evt-3", NOW);
        WebhookDelivery notDue = delivery(endpoint, "evt-4", NOW.plusNanos(1_000));
        WebhookDelivery ofDisabled = delivery(disabled, "evt-5", NOW.minusSeconds(5));
        WebhookDelivery ofSkipped = delivery(skipped, "evt-6", NOW.minusSeconds(5));
        WebhookDelivery succeeded = succeeded(delivery(endpoint, "evt-7", NOW.minusSeconds(9)));
        addAll(second, first, dueNow, notDue, ofDisabled, ofSkipped, succeeded);

        List<WebhookDelivery> claimed = claim(NOW, CLAIM_UNTIL, ALL, List.of(skipped.id()));

        assertThat(claimed).as("as they were before the claim").containsExactly(first, second, dueNow);
        assertThat(find(first)).contains(claimedUntil(first, CLAIM_UNTIL, NOW));
        assertThat(find(notDue)).contains(notDue);
        assertThat(claim(NOW, CLAIM_UNTIL, ALL, List.of())).containsExactly(ofSkipped);
        assertThat(claim(CLAIM_UNTIL.minusNanos(1_000), LATER, ALL, List.of())).containsExactly(notDue);
        assertThat(claim(CLAIM_UNTIL, LATER, ALL, List.of()))
                .as("a claim that ran out makes the delivery due again")
                .containsExactlyInAnyOrder(claimedUntil(first, CLAIM_UNTIL, NOW), claimedUntil(second, CLAIM_UNTIL, NOW),
                        claimedUntil(dueNow, CLAIM_UNTIL, NOW), claimedUntil(ofSkipped, CLAIM_UNTIL, NOW));
        assertThat(find(succeeded)).contains(succeeded);
        assertThat(find(ofDisabled)).contains(ofDisabled);
    }

    @Test
    void givenLimit_claimDue_takesOnlyTheOldestDue() {
        WebhookEndpoint endpoint = endpoint(true);
        List<WebhookDelivery> due = IntStream.range(0, 5)
                .mapToObj(i -> delivery(endpoint, "evt-" + i, NOW.minusSeconds(10 - i))).toList();
        addAll(due.toArray(WebhookDelivery[]::new));

        assertThat(claim(NOW, CLAIM_UNTIL, 2, List.of())).containsExactly(due.get(0), due.get(1));
        assertThat(claim(NOW, CLAIM_UNTIL, 2, List.of())).containsExactly(due.get(2), due.get(3));
        assertThat(claim(NOW, CLAIM_UNTIL, 2, List.of())).containsExactly(due.get(4));
        assertThat(claim(NOW, CLAIM_UNTIL, 2, List.of())).isEmpty();
    }

    /** While one transaction holds its claim, a second one skips the locked rows instead of waiting for them. */
    @Test
    void givenClaimHeldOpen_concurrentClaim_takesOtherDeliveriesWithoutWaiting() throws Exception {
        WebhookEndpoint endpoint = endpoint(true);
        List<WebhookDelivery> due = IntStream.range(0, 6)
                .mapToObj(i -> delivery(endpoint, "evt-" + i, NOW.minusSeconds(10 - i))).toList();
        addAll(due.toArray(WebhookDelivery[]::new));
        CountDownLatch claimedFirst = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<List<WebhookDelivery>> first = executor.submit(() -> unitOfWork.inTransaction(() -> {
            List<WebhookDelivery> rows = deliveries.claimDue(NOW, CLAIM_UNTIL, 3, List.of());
            claimedFirst.countDown();
            awaitLatch(releaseFirst);
            return rows;
        }));
        assertThat(claimedFirst.await(10, TimeUnit.SECONDS)).isTrue();
        List<WebhookDelivery> second;
        try {
            second = claim(NOW, CLAIM_UNTIL, ALL, List.of());
            assertThat(first.isDone()).as("the first claim is still open").isFalse();
        } finally {
            releaseFirst.countDown();
        }

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(due.subList(0, 3));
        assertThat(second).containsExactlyElementsOf(due.subList(3, 6));
        assertThat(claim(NOW, CLAIM_UNTIL, ALL, List.of())).as("both claims hold").isEmpty();
    }

    /** Four claimers racing over the same rows, as replicas do: every delivery is handed out exactly once. */
    @Test
    void givenRacingClaimers_claimDue_handsOutEveryDeliveryOnce() throws Exception {
        List<WebhookEndpoint> owners = List.of(endpoint(true), endpoint(true), endpoint(true));
        List<WebhookDelivery> due = IntStream.range(0, 60)
                .mapToObj(i -> delivery(owners.get(i % 3), "evt-" + i, NOW.minusSeconds(i % 7))).toList();
        addAll(due.toArray(WebhookDelivery[]::new));
        CountDownLatch start = new CountDownLatch(1);

        List<Future<List<WebhookDeliveryId>>> claimers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            claimers.add(executor.submit(() -> {
                awaitLatch(start);
                List<WebhookDeliveryId> mine = new ArrayList<>();
                List<WebhookDelivery> batch;
                do {
                    batch = claim(NOW, CLAIM_UNTIL, 3, List.of());
                    batch.forEach(d -> mine.add(d.id()));
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        start.countDown();
        List<WebhookDeliveryId> all = new ArrayList<>();
        for (Future<List<WebhookDeliveryId>> claimer : claimers) {
            all.addAll(claimer.get(30, TimeUnit.SECONDS));
        }

        assertThat(all).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(due.stream().map(WebhookDelivery::id).toList());
    }

    @Test
    void givenDeliveriesOfSeveralStatuses_page_walksThemNewestFirstWithStatusAndCursor() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookEndpoint other = endpoint(true);
        List<WebhookDelivery> all = IntStream.range(0, 5)
                .mapToObj(i -> i % 2 == 0 ? delivery(endpoint, "evt-" + i, NOW)
                        : succeeded(delivery(endpoint, "evt-" + i, NOW)))
                .sorted((a, b) -> POSTGRES_UUID_ORDER.compare(b.id().value(), a.id().value()))
                .toList();
        addAll(all.toArray(WebhookDelivery[]::new));
        addAll(delivery(other, "evt-0", NOW));

        assertThat(page(endpoint, Optional.empty(), Optional.empty(), 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(page(endpoint, Optional.empty(), Optional.of(all.get(1).id()), 2))
                .containsExactlyElementsOf(all.subList(2, 4));
        assertThat(page(endpoint, Optional.empty(), Optional.of(all.get(3).id()), 2))
                .containsExactlyElementsOf(all.subList(4, 5));
        List<WebhookDelivery> pending = all.stream().filter(d -> d.status() == DeliveryStatus.PENDING).toList();
        assertThat(pending).hasSize(3);
        assertThat(page(endpoint, Optional.of(DeliveryStatus.PENDING), Optional.empty(), ALL))
                .containsExactlyElementsOf(pending);
        assertThat(page(endpoint, Optional.of(DeliveryStatus.PENDING), Optional.of(pending.get(0).id()), 1))
                .containsExactly(pending.get(1));
        assertThat(page(endpoint, Optional.of(DeliveryStatus.FAILED), Optional.empty(), ALL)).isEmpty();
    }

    @Test
    void givenAttempts_attemptsOf_givesEachDeliveryItsAttemptsInOrder() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookDelivery tried = delivery(endpoint, "evt-1", NOW);
        WebhookDelivery untried = delivery(endpoint, "evt-2", NOW);
        addAll(tried, untried);
        DeliveryAttempt firstAttempt = new DeliveryAttempt(tried.id(), 1, NOW.plusNanos(5_000),
                Duration.ofMillis(10_000), Optional.empty(), Optional.empty(), Optional.of("timeout"));
        DeliveryAttempt secondAttempt = new DeliveryAttempt(tried.id(), 2, NOW.plusSeconds(30),
                Duration.ofMillis(87), Optional.of(503), Optional.of("{\"error\": \"busy\"} « é »"), Optional.empty());
        unitOfWork.inTransaction(() -> {
            deliveries.addAttempt(secondAttempt);
            deliveries.addAttempt(firstAttempt);
        });
        WebhookDeliveryId unknown = WebhookDeliveryId.of(UUID.randomUUID());

        Map<WebhookDeliveryId, List<DeliveryAttempt>> attempts = unitOfWork.inTransaction(
                () -> deliveries.attemptsOf(List.of(untried.id(), tried.id(), unknown)));

        assertThat(attempts).containsOnlyKeys(untried.id(), tried.id(), unknown);
        assertThat(attempts.get(tried.id())).containsExactly(firstAttempt, secondAttempt);
        assertThat(attempts.get(untried.id())).isEmpty();
        assertThat(attempts.get(unknown)).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> deliveries.attemptsOf(List.of()))).isEmpty();
    }

    @Test
    void givenAttemptedDelivery_update_storesItsNewState() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookDelivery delivery = delivery(endpoint, "evt-1", NOW);
        addAll(delivery);
        DeliveryAttempt attempt = new DeliveryAttempt(delivery.id(), 1, NOW, Duration.ofMillis(40),
                Optional.of(500), Optional.empty(), Optional.empty());
        WebhookDelivery retrying = delivery.attempted(attempt, SCHEDULE, () -> 0.5);
        WebhookDelivery succeeded = retrying.attempted(new DeliveryAttempt(delivery.id(), 2, NOW.plusSeconds(60),
                Duration.ofMillis(40), Optional.of(204), Optional.empty(), Optional.empty()),
                SCHEDULE, () -> 0.5);

        unitOfWork.inTransaction(() -> deliveries.update(retrying));
        assertThat(find(delivery)).contains(retrying);
        unitOfWork.inTransaction(() -> deliveries.update(succeeded));
        assertThat(find(delivery)).contains(succeeded);
        assertThat(succeeded.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    }

    @Test
    void givenDeliveryDeletedWithItsEndpoint_updateAndAddAttempt_throwConcurrentUpdate() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookDelivery delivery = delivery(endpoint, "evt-1", NOW);
        addAll(delivery);
        unitOfWork.inTransaction(() -> endpoints.delete(space, endpoint.id()));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> deliveries.update(delivery.retryNow(NOW))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> deliveries.addAttempt(new DeliveryAttempt(
                delivery.id(), 1, NOW, Duration.ZERO, Optional.empty(), Optional.empty(),
                Optional.of("connection_failed")))))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void givenPendingAndEndedDeliveries_abandonPending_failsOnlyThatEndpointsPendingOnes() {
        WebhookEndpoint endpoint = endpoint(true);
        WebhookEndpoint other = endpoint(true);
        WebhookDelivery pending = delivery(endpoint, "evt-1", NOW);
        WebhookDelivery later = delivery(endpoint, "evt-2", NOW.plusSeconds(3600));
        WebhookDelivery ended = succeeded(delivery(endpoint, "evt-3", NOW));
        WebhookDelivery ofOther = delivery(other, "evt-1", NOW);
        addAll(pending, later, ended, ofOther);
        Instant abandonedAt = NOW.plusSeconds(5);

        assertThat(unitOfWork.inTransaction(() -> deliveries.abandonPending(endpoint.id(), abandonedAt))).isEqualTo(2);

        assertThat(find(pending)).contains(pending.abandon(abandonedAt));
        assertThat(find(later)).contains(later.abandon(abandonedAt));
        assertThat(find(pending).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(find(ended)).contains(ended);
        assertThat(find(ofOther)).contains(ofOther);
        assertThat(unitOfWork.inTransaction(() -> deliveries.abandonPending(endpoint.id(), abandonedAt))).isZero();
    }

    @Test
    void givenDeliveries_oldestDue_isTheEarliestDueTimeOfAnEnabledEndpoint() {
        assertThat(unitOfWork.inTransaction(() -> deliveries.oldestDue(NOW))).isEmpty();
        WebhookEndpoint endpoint = endpoint(true);
        WebhookEndpoint disabled = endpoint(false);
        addAll(delivery(disabled, "evt-0", NOW.minusSeconds(50)),
                succeeded(delivery(endpoint, "evt-1", NOW.minusSeconds(40))),
                delivery(endpoint, "evt-2", NOW.minusSeconds(30).plusNanos(7_000)),
                delivery(endpoint, "evt-3", NOW.minusSeconds(10)),
                delivery(endpoint, "evt-4", NOW.plusSeconds(10)));

        assertThat(unitOfWork.inTransaction(() -> deliveries.oldestDue(NOW)))
                .contains(NOW.minusSeconds(30).plusNanos(7_000));
        assertThat(unitOfWork.read(() -> deliveries.oldestDue(NOW.minusSeconds(31)))).isEmpty();
    }

    private WebhookEndpoint endpoint(boolean enabled) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.of(ids.newId()), space,
                WebhookUrl.parse("https://example.com/hooks/" + UUID.randomUUID()), Set.of(READY), Optional.empty(),
                WebhookSecret.generate(RANDOM), T0);
        WebhookEndpoint stored = enabled ? endpoint : endpoint.change(
                new Changes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)), T0);
        unitOfWork.inTransaction(() -> endpoints.add(stored));
        return stored;
    }

    private WebhookDelivery delivery(WebhookEndpoint endpoint, String eventId, Instant dueAt) {
        WebhookEvent event = new WebhookEvent(eventId, space, READY, T0, "{\"artifact_id\": \"" + eventId + "\"}");
        return WebhookDelivery.schedule(WebhookDeliveryId.of(ids.newId()), endpoint, event, T0, dueAt);
    }

    private static WebhookDelivery succeeded(WebhookDelivery delivery) {
        return delivery.attempted(new DeliveryAttempt(delivery.id(), 1, T0, Duration.ofMillis(5), Optional.of(200),
                Optional.empty(), Optional.empty()), SCHEDULE, () -> 0.5);
    }

    private static WebhookDelivery claimedUntil(WebhookDelivery d, Instant until, Instant now) {
        return new WebhookDelivery(d.id(), d.endpointId(), d.spaceId(), d.eventId(), d.eventType(), d.body(),
                d.status(), d.attempts(), Optional.of(until), d.createdAt(), now);
    }

    private void addAll(WebhookDelivery... all) {
        unitOfWork.inTransaction(() -> {
            for (WebhookDelivery delivery : all) {
                assertThat(deliveries.addIfAbsent(delivery)).isTrue();
            }
        });
    }

    private List<WebhookDelivery> claim(Instant now, Instant until, int limit, Collection<WebhookEndpointId> skip) {
        return unitOfWork.inTransaction(() -> deliveries.claimDue(now, until, limit, skip));
    }

    private Optional<WebhookDelivery> find(WebhookDelivery delivery) {
        return unitOfWork.inTransaction(() -> deliveries.findById(delivery.endpointId(), delivery.id()));
    }

    private List<WebhookDelivery> page(WebhookEndpoint endpoint, Optional<DeliveryStatus> status,
                                       Optional<WebhookDeliveryId> after, int limit) {
        return unitOfWork.inTransaction(() -> deliveries.page(endpoint.id(), status, after, limit));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the test to go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
