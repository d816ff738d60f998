package org.stockalerts.common.event;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The immutable channel sets of rules, one shared object per combination: there are only 2^7 (one bit per {@link ChannelType}), and
 * an engine holding a million rules would otherwise hold a million copies of them.
 */
final class ChannelSets {

    private static final ChannelType[] TYPES = ChannelType.values();

    /** Indexed by the combination's bits, one per {@link ChannelType#ordinal()}. */
    private static final List<Set<ChannelType>> BY_BITS =
            IntStream.range(0, 1 << TYPES.length).mapToObj(ChannelSets::members).toList();

    private ChannelSets() {}

    /** The shared immutable set equal to {@code channels}. */
    static Set<ChannelType> of(Set<ChannelType> channels) {
        int bits = 0;
        for (ChannelType type : channels) {
            bits |= 1 << type.ordinal();
        }
        return BY_BITS.get(bits);
    }

    private static Set<ChannelType> members(int bits) {
        EnumSet<ChannelType> members = EnumSet.noneOf(ChannelType.class);
        for (ChannelType type : TYPES) {
            if ((bits & 1 << type.ordinal()) != 0) {
                members.add(type);
            }
        }
        return Set.copyOf(members);
    }
}
