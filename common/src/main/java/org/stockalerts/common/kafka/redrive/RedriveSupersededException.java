package org.stockalerts.common.kafka.redrive;

/**
 * Another redrive of the same dead-letter topic started (same transactional id) and fenced this
 * one; whatever this one had not committed is aborted and left to the other.
 */
public class RedriveSupersededException extends RuntimeException {

    public RedriveSupersededException(String deadLetterTopic, Throwable cause) {
        super("another redrive of " + deadLetterTopic + " took over; this one stopped", cause);
    }
}
