package org.stockalerts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who published market-data ticks when, from samples of every api-service instance's metrics (its
 * {@code stockalerts.ticks.published} counter of the simulated feed and its {@code stockalerts.marketdata.leader}
 * gauge) taken in turn. Between two samples an instance published if its counter grew, or, when it restarted in
 * between (counter lower than before, or no answer before), if its new counter is above 0.
 *
 * <p>Exactly one poller publishes: no two instances publish in two intervals running. One interval in which both
 * published is a handover (the leader stopped or was killed just after publishing, the other took the lock before
 * the next sample); two pollers publishing at once would overlap in interval after interval.
 */
final class PublisherTimeline {

    /** One instance's answer: its published counter and leader gauge; null counter: it did not answer. */
    record Reading(Long published, boolean leader) {

        static final Reading ABSENT = new Reading(null, false);
    }

    /** All instances' readings at one moment (milliseconds on the harness's clock), in instance order. */
    record Sample(long atMillis, List<Reading> readings) {}

    private final List<Sample> samples = new ArrayList<>();

    synchronized void add(Sample sample) {
        samples.add(sample);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The instances (0-based) that published between sample {@code i - 1} and sample {@code i}. */
    static Set<Integer> publishers(Sample before, Sample after) {
        Set<Integer> publishers = new TreeSet<>();
        for (int instance = 0; instance < after.readings().size(); instance++) {
            Long was = before.readings().get(instance).published();
            Long now = after.readings().get(instance).published();
            if (now == null) {
                continue;
            }
            boolean restarted = was == null || now < was;
            if (restarted ? now > 0 : now > was) {
                publishers.add(instance);
            }
        }
        return publishers;
    }

    /** What the samples show. */
    record Verdict(
            int intervals,
            int publishingIntervals,
            int overlaps,
            int longestOverlapRun,
            int twoLeaderSamples,
            Duration longestSilence) {

        /** Never two publishers in two intervals running, and someone published at all. */
        boolean onePublisher() {
            return publishingIntervals > 0 && longestOverlapRun <= 1;
        }
    }

    synchronized Verdict verdict() {
        int publishing = 0;
        int overlaps = 0;
        int run = 0;
        int longestRun = 0;
        int twoLeaders = 0;
        long lastPublished = samples.isEmpty() ? 0 : samples.get(0).atMillis();
        long longestSilence = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).readings().stream().filter(Reading::leader).count() > 1) {
                twoLeaders++;
            }
            if (i == 0) {
                continue;
            }
            Set<Integer> publishers = publishers(samples.get(i - 1), samples.get(i));
            if (!publishers.isEmpty()) {
                publishing++;
                longestSilence = Math.max(longestSilence, samples.get(i - 1).atMillis() - lastPublished);
                lastPublished = samples.get(i).atMillis();
            }
            run = publishers.size() > 1 ? run + 1 : 0;
            overlaps += publishers.size() > 1 ? 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        if (!samples.isEmpty()) {
            longestSilence = Math.max(longestSilence, samples.getLast().atMillis() - lastPublished);
        }
        return new Verdict(
                Math.max(0, samples.size() - 1),
                publishing,
                overlaps,
                longestRun,
                twoLeaders,
                Duration.ofMillis(longestSilence));
    }

    /**
     * How long after {@code sinceMillis} (the kill or stop of the leader {@code stopped}) the first interval that
     * starts at or after it had another instance publish ended; null if none did. The stopped leader's own ticks do
     * not count: a leader still publishing while it stops would otherwise pass for its successor.
     */
    synchronized Duration resumedAfter(long sinceMillis, int stopped) {
        for (int i = 1; i < samples.size(); i++) {
            Set<Integer> publishers = publishers(samples.get(i - 1), samples.get(i));
            publishers.remove(stopped);
            if (samples.get(i - 1).atMillis() >= sinceMillis && !publishers.isEmpty()) {
                return Duration.ofMillis(samples.get(i).atMillis() - sinceMillis);
            }
        }
        return null;
    }

    /** The share of samples (0 to 1; 0 without samples) in which {@code instance} answered. */
    synchronized double answered(int instance) {
        long answers = samples.stream()
                .filter(sample -> sample.readings().get(instance).published() != null)
                .count();
        return samples.isEmpty() ? 0 : (double) answers / samples.size();
    }

    /** The instance that reports itself leader in the latest sample, or -1. */
    synchronized int leader() {
        if (samples.isEmpty()) {
            return -1;
        }
        List<Reading> readings = samples.getLast().readings();
        for (int instance = 0; instance < readings.size(); instance++) {
            if (readings.get(instance).leader()) {
                return instance;
            }
        }
        return -1;
    }
}
