package org.creditbank.credentials.canonical;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Type-scoped and property-scoped JSON-LD contexts, processed by titanium once per (context in
 * effect, scope) instead of at every node: in an Open Badges credential each typed node
 * (Profile, AchievementSubject, Achievement, Result, ...) brings a scoped context of a dozen terms,
 * and processing them again for every credential was the largest cost left in verification. The
 * contexts in effect are themselves results of this class or the bundled context, so keys by
 * identity are stable. Each entry is a whole active context (a few hundred term definitions), so
 * the map is kept small (CreditBank's documents need a few dozen) and emptied when full.
 */
final class ScopedContexts {

    private static final int BOUND = 256;

    /**
     * A scope applied to a context: the sorted type terms of a node, or the term definition (of
     * the enclosing node's context) whose local context applies to a property's value.
     */
    private record Key(ActiveContext in, Object scope) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.in == in && k.scope.equals(scope);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(in) * 31 + scope.hashCode();
        }
    }

    private final Map<Key, ActiveContext> processed = new ConcurrentHashMap<>();

    /**
     * The context for a node whose {@code type} terms are {@code sortedTypes}: each term's local
     * context in order, not propagated to nested nodes (JSON-LD 1.1 expansion, step 11).
     */
    ActiveContext typeScoped(ActiveContext context, List<String> sortedTypes) throws JsonLdError {
        Key key = new Key(context, sortedTypes);
        ActiveContext known = processed.get(key);
        if (known != null) {
            return known;
        }
        ActiveContext scoped = context;
        for (String type : sortedTypes) {
            TermDefinition term = context.getTerm(type).orElse(null);
            if (term != null && term.hasLocalContext()) {
                scoped = scoped.newContext().propagate(false).create(term.getLocalContext(), term.getBaseUrl());
            }
        }
        return remember(key, scoped);
    }

    /**
     * The context for a property's value: {@code definition} is the property's term in the
     * enclosing node's context and has a local context, applied to {@code context} (step 8).
     */
    ActiveContext propertyScoped(ActiveContext context, TermDefinition definition) throws JsonLdError {
        Key key = new Key(context, definition);
        ActiveContext known = processed.get(key);
        if (known != null) {
            return known;
        }
        return remember(key, context.newContext().overrideProtected(true)
                .create(definition.getLocalContext(), definition.getBaseUrl()));
    }

    private ActiveContext remember(Key key, ActiveContext context) {
        if (processed.size() >= BOUND) {
            processed.clear();
        }
        ActiveContext raced = processed.putIfAbsent(key, context);
        return raced != null ? raced : context;
    }
}
