package io.jans.orm.search.filter;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The part of io.jans.orm.search.filter.Filter that Janssen's own cache clean-up builds (reference-src
 * NativePersistenceCacheProvider.cleanup: createANDFilter of createEqualityFilter("del", true) and
 * createLessOrEqualFilter("exp", encodeTime(...))). Only the factory names and their argument shapes come from that call
 * site; the accessors are this double's own, read by gamatech.backends.SqlCacheEntries to turn a filter into SQL.
 */
public final class Filter {
    /** The kinds of filter this double understands. */
    public enum Kind {
        AND,
        EQUALITY,
        LESS_OR_EQUAL
    }

    private final Kind kind;
    private final String attributeName;
    private final Object assertionValue;
    private final List<Filter> filters;

    private Filter(Kind kind, String attributeName, Object assertionValue, List<Filter> filters) {
        this.kind = kind;
        this.attributeName = attributeName;
        this.assertionValue = assertionValue;
        this.filters = filters;
    }

    public static Filter createANDFilter(Filter... filters) {
        return new Filter(Kind.AND, null, null, Collections.unmodifiableList(Arrays.asList(filters.clone())));
    }

    public static Filter createEqualityFilter(String attributeName, Object assertionValue) {
        return new Filter(Kind.EQUALITY, attributeName, assertionValue, Collections.emptyList());
    }

    public static Filter createLessOrEqualFilter(String attributeName, Object assertionValue) {
        return new Filter(Kind.LESS_OR_EQUAL, attributeName, assertionValue, Collections.emptyList());
    }

    public Kind kind() {
        return kind;
    }

    public String attributeName() {
        return attributeName;
    }

    public Object assertionValue() {
        return assertionValue;
    }

    public List<Filter> filters() {
        return filters;
    }
}
