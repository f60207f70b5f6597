package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryArtifactRepository;
import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery.Page;
import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery.Request;
import com.aimabledocs.artifacts.domain.access.ForbiddenException;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListArtifactsServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final ListArtifactsService service = new ListArtifactsService(ports.artifacts, ports.unitOfWork);
    private final Principal reader = aPrincipal().readOnly().build();

    private static Request request(Principal principal, Optional<String> cursor, int limit) {
        return new Request(principal, DEFAULT_SPACE, Optional.empty(), Optional.empty(), Optional.empty(), cursor, limit);
    }

    private Request firstPage(int limit) {
        return request(reader, Optional.empty(), limit);
    }

    private static Request next(Request request, Page page) {
        return new Request(request.principal(), request.spaceId(), request.threadId(), request.documentType(),
                request.status(), page.nextCursor(), request.limit());
    }

    /** Walks every page, checking has_more on each; returns the pages. */
    private List<Page> walk(Request first) {
        List<Page> pages = new ArrayList<>();
        Request request = first;
        while (true) {
            Page page = service.list(request);
            pages.add(page);
            if (!page.hasMore()) {
                return pages;
            }
            assertThat(pages).as("the walk ends").hasSizeLessThan(1000);
            request = next(request, page);
        }
    }

    private static List<Artifact> items(List<Page> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).toList();
    }

    /** {@code count} artifacts, three per timestamp, with IDs shuffled so that ties need the ID order. */
    private List<Artifact> addArtifacts(int count) {
        List<UUID> ids = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> TestIds.next()).toList());
        Collections.shuffle(ids, new Random(42));
        List<Artifact> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Artifact artifact = anArtifact().withId(ArtifactId.of(ids.get(i)))
                    .createdAt(DEFAULT_CREATED_AT.plusSeconds(i / 3)).build();
            ports.artifacts.add(artifact);
            added.add(artifact);
        }
        return added;
    }

    private static List<Artifact> newestFirst(List<Artifact> artifacts) {
        return artifacts.stream().sorted(InMemoryArtifactRepository.NEWEST_FIRST).toList();
    }

    @Nested
    class Limits {

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
        void givenLimitOutside1To100_list_isRefusedAsInvalidLimit(int limit) {
            assertThatThrownBy(() -> service.list(firstPage(limit)))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, ListArtifactsQuery.DEFAULT_LIMIT, ListArtifactsQuery.MAX_LIMIT})
        void givenLimitWithin1To100_list_returnsAtMostThatMany(int limit) {
            addArtifacts(120);

            Page page = service.list(firstPage(limit));

            assertThat(page.items()).hasSize(limit);
            assertThat(page.hasMore()).isTrue();
        }
    }

    @Nested
    class Paging {

        @Test
        void given57Artifacts_pagingBy10_returnsEachExactlyOnceNewestFirst() {
            List<Artifact> expected = newestFirst(addArtifacts(57));

            List<Page> pages = walk(firstPage(10));

            assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 10, 10, 10, 7);
            assertThat(pages).extracting(Page::hasMore).containsExactly(true, true, true, true, true, false);
            assertThat(items(pages)).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
        }

        @Test
        void givenExactlyLimitArtifacts_list_saysThereIsNoMore() {
            addArtifacts(10);

            Page page = service.list(firstPage(10));

            assertThat(page.items()).hasSize(10);
            assertThat(page.hasMore()).isFalse();
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        void givenTwiceLimitArtifacts_secondPage_saysThereIsNoMore() {
            List<Artifact> expected = newestFirst(addArtifacts(20));

            List<Page> pages = walk(firstPage(10));

            assertThat(pages).hasSize(2);
            assertThat(pages.get(1).hasMore()).isFalse();
            assertThat(items(pages)).containsExactlyElementsOf(expected);
        }

        @Test
        void givenNoArtifacts_list_isOneEmptyPage() {
            Page page = service.list(firstPage(10));

            assertThat(page.items()).isEmpty();
            assertThat(page.hasMore()).isFalse();
        }

        @Test
        void givenAllArtifactsCreatedInTheSameInstant_paging_ordersThemByIdDescending() {
            List<Artifact> added = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Artifact artifact = anArtifact().createdAt(DEFAULT_CREATED_AT).build();
                ports.artifacts.add(artifact);
                added.add(artifact);
            }

            List<Artifact> listed = items(walk(firstPage(7)));

            assertThat(listed).containsExactlyElementsOf(newestFirst(added));
            assertThat(listed.get(0)).isEqualTo(added.get(24));
        }

        @Test
        void givenArtifactsAddedWhilePaging_walk_neitherRepeatsNorSkipsTheOlderOnes() {
            List<Artifact> expected = newestFirst(addArtifacts(30));
            Request first = firstPage(10);
            Page page1 = service.list(first);
            ports.artifacts.add(anArtifact().createdAt(DEFAULT_CREATED_AT.plusSeconds(3600)).build());

            List<Page> rest = walk(next(first, page1));

            List<Artifact> listed = new ArrayList<>(page1.items());
            listed.addAll(items(rest));
            assertThat(listed).containsExactlyElementsOf(expected);
        }

        @Test
        void list_asksTheRepositoryForOneRowMoreThanThePage() {
            addArtifacts(5);

            service.list(firstPage(10));

            assertThat(ports.artifacts.searches()).singleElement().satisfies(s -> assertThat(s.limit()).isEqualTo(11));
        }

        @Test
        void givenArtifactsInOtherSpaces_list_neverShowsThem() {
            addArtifacts(3);
            ports.artifacts.add(anArtifact().inSpace(SpaceId.of(TestIds.next())).build());

            assertThat(service.list(firstPage(100)).items()).hasSize(3)
                    .allSatisfy(a -> assertThat(a.spaceId()).isEqualTo(DEFAULT_SPACE));
        }
    }

    @Nested
    class Cursors {

        private Request withCursor(String cursor) {
            return request(reader, Optional.of(cursor), 10);
        }

        private String fingerprintOfNoFilters() {
            return PageCursor.filterFingerprint(firstPage(10));
        }

        private String encode(String plain) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "garbage!!", "not base64 at all", "djE", "%%%%", "dGhpcyBpcyBub3QgYSBjdXJzb3I"})
        void givenGarbageCursor_list_isRefusedAsInvalidCursor(String cursor) {
            assertInvalidCursor(withCursor(cursor));
        }

        @Test
        void givenForgedCursors_list_isRefusedAsInvalidCursor() {
            String fp = fingerprintOfNoFilters();
            String id = ArtifactId.of(TestIds.next()).toString();

            assertInvalidCursor(withCursor(encode("v2|2025-01-15T10:00:00Z|" + id + "|" + fp)));
            assertInvalidCursor(withCursor(encode("v1|2025-01-15T10:00:00Z|" + id)));
            assertInvalidCursor(withCursor(encode("v1|2025-01-15T10:00:00Z|" + id + "|" + fp + "|extra")));
            assertInvalidCursor(withCursor(encode("v1|yesterday|" + id + "|" + fp)));
            assertInvalidCursor(withCursor(encode("v1|2025-01-15T10:00:00Z|1-1-1-1-1|" + fp)));
            assertInvalidCursor(withCursor(encode("v1|2025-01-15T10:00:00Z|" + id + "|0000000000000000")));
        }

        @Test
        void givenOverlongCursor_list_isRefusedAsInvalidCursor() {
            String fp = fingerprintOfNoFilters();
            String padded = encode("v1|2025-01-15T10:00:00Z|" + ArtifactId.of(TestIds.next()) + "|" + fp)
                    + "A".repeat(600);

            assertInvalidCursor(withCursor(padded));
        }

        @Test
        void givenWellFormedCursor_list_continuesStrictlyAfterIt() {
            List<Artifact> expected = newestFirst(addArtifacts(5));
            Artifact third = expected.get(2);
            String cursor = PageCursor.encode(new com.aimabledocs.artifacts.domain.port.ArtifactSearch.Position(
                    third.createdAt(), third.id()), fingerprintOfNoFilters());

            Page page = service.list(withCursor(cursor));

            assertThat(page.items()).containsExactlyElementsOf(expected.subList(3, 5));
        }

        @Test
        void givenCursorReusedWithOtherFilters_list_isRefusedAsInvalidCursor() {
            addArtifacts(15);
            Page page1 = service.list(firstPage(10));

            Request withStatus = new Request(reader, DEFAULT_SPACE, Optional.empty(), Optional.empty(),
                    Optional.of(ArtifactStatus.PENDING), page1.nextCursor(), 10);
            Request withThread = new Request(reader, DEFAULT_SPACE, Optional.of(new ThreadId("thread-1")),
                    Optional.empty(), Optional.empty(), page1.nextCursor(), 10);
            Request withType = new Request(reader, DEFAULT_SPACE, Optional.empty(), Optional.of(DocumentType.DOCUMENT),
                    Optional.empty(), page1.nextCursor(), 10);

            assertInvalidCursor(withStatus);
            assertInvalidCursor(withThread);
            assertInvalidCursor(withType);
        }

        @Test
        void givenCursorReusedWithTheSameFiltersAndAnotherLimit_list_continues() {
            List<Artifact> expected = newestFirst(addArtifacts(15));
            Page page1 = service.list(firstPage(10));

            Page page2 = service.list(request(reader, page1.nextCursor(), 3));

            assertThat(page2.items()).containsExactlyElementsOf(expected.subList(10, 13));
        }

        private void assertInvalidCursor(Request request) {
            assertThatThrownBy(() -> service.list(request))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_cursor");
                        assertThat(e.field()).isEqualTo("cursor");
                    });
        }
    }

    @Nested
    class Filters {

        private Artifact pendingDocInA;
        private Artifact readyDocInAB;
        private Artifact failedImageInB;
        private Artifact readyImageInC;

        @org.junit.jupiter.api.BeforeEach
        void addMixedArtifacts() {
            Instant t = DEFAULT_CREATED_AT;
            pendingDocInA = anArtifact().withThreads("a").withDocumentType(DocumentType.DOCUMENT).createdAt(t).build();
            readyDocInAB = anArtifact().withThreads("a", "b").withDocumentType(DocumentType.DOCUMENT)
                    .withStatus(ArtifactStatus.READY).createdAt(t.plusSeconds(1)).build();
            failedImageInB = anArtifact().withThreads("b").withDocumentType(DocumentType.IMAGE)
                    .withStatus(ArtifactStatus.FAILED).createdAt(t.plusSeconds(2)).build();
            readyImageInC = anArtifact().withThreads("c").withDocumentType(DocumentType.IMAGE)
                    .withStatus(ArtifactStatus.READY).createdAt(t.plusSeconds(3)).build();
            List.of(pendingDocInA, readyDocInAB, failedImageInB, readyImageInC).forEach(ports.artifacts::add);
        }

        private List<Artifact> list(String thread, DocumentType type, ArtifactStatus status) {
            return items(walk(new Request(reader, DEFAULT_SPACE, Optional.ofNullable(thread).map(ThreadId::new),
                    Optional.ofNullable(type), Optional.ofNullable(status), Optional.empty(), 1)));
        }

        @Test
        void givenThreadFilter_list_returnsOnlyThatThreadsArtifacts() {
            assertThat(list("a", null, null)).containsExactly(readyDocInAB, pendingDocInA);
            assertThat(list("b", null, null)).containsExactly(failedImageInB, readyDocInAB);
            assertThat(list("nope", null, null)).isEmpty();
        }

        @Test
        void givenTypeFilter_list_returnsOnlyThatType() {
            assertThat(list(null, DocumentType.IMAGE, null)).containsExactly(readyImageInC, failedImageInB);
            assertThat(list(null, DocumentType.VIDEO, null)).isEmpty();
        }

        @Test
        void givenStatusFilter_list_returnsOnlyThatStatus() {
            assertThat(list(null, null, ArtifactStatus.READY)).containsExactly(readyImageInC, readyDocInAB);
            assertThat(list(null, null, ArtifactStatus.PENDING)).containsExactly(pendingDocInA);
            assertThat(list(null, null, ArtifactStatus.PROCESSING)).isEmpty();
        }

        @Test
        void givenSeveralFilters_list_combinesThemWithAnd() {
            assertThat(list("b", DocumentType.DOCUMENT, ArtifactStatus.READY)).containsExactly(readyDocInAB);
            assertThat(list("a", DocumentType.IMAGE, null)).isEmpty();
        }
    }

    @Nested
    class Authorizing {

        @Test
        void givenWriteOnlyPrincipal_list_isForbidden() {
            assertThatThrownBy(() -> service.list(request(aPrincipal().writeOnly().build(), Optional.empty(), 10)))
                    .isInstanceOf(ForbiddenException.class);
        }

        @Test
        void givenPrincipalOfAnotherSpace_list_isNotFound() {
            Principal stranger = aPrincipal().inSpace(SpaceId.of(TestIds.next())).build();

            assertThatThrownBy(() -> service.list(request(stranger, Optional.empty(), 10)))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        }
    }
}
