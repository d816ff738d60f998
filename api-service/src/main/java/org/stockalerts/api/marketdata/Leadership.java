package org.stockalerts.api.marketdata;

/** Whether this instance is the one that polls; only one instance leads at a time. */
public interface Leadership extends AutoCloseable {

    /** Whether this instance leads now, claiming leadership when nobody holds it. */
    boolean isLeader();

    /** Gives leadership up so another instance can take it at once. */
    @Override
    void close();
}
