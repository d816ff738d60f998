package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

class GroupMembersTest {

    @Test
    void anInstanceIsItsStreamThreadsClientIdPrefix() {
        assertThat(GroupMembers.instance("alert-engine-6f1c2d4e-StreamThread-2-consumer"))
                .isEqualTo("alert-engine-6f1c2d4e");
        assertThat(GroupMembers.instance("alert-delivery-0")).isEqualTo("alert-delivery-0");
    }

    @Test
    void theOtherInstancesHoldThePartitionsOnlyWhenTheyHoldEveryOneAndTheGroupIsStable() {
        Set<String> paused = Set.of("a");
        Map<String, Set<Integer>> split = Map.of("a", Set.of(0, 1, 2), "b", Set.of(3, 4, 5));
        Map<String, Set<Integer>> takenOver = Map.of("a", Set.of(), "b", Set.of(0, 1, 2, 3, 4, 5));

        assertThat(new GroupMembers.Snapshot(GroupState.STABLE, split).heldWithout(paused, 6))
                .isFalse();
        assertThat(new GroupMembers.Snapshot(GroupState.PREPARING_REBALANCE, takenOver).heldWithout(paused, 6))
                .isFalse();
        assertThat(new GroupMembers.Snapshot(GroupState.STABLE, takenOver).heldWithout(paused, 6))
                .isTrue();
        assertThat(new GroupMembers.Snapshot(GroupState.STABLE, Map.of("b", Set.of(0, 1, 2, 3, 4, 5)))
                        .heldWithout(paused, 6))
                .isTrue();
    }
}
