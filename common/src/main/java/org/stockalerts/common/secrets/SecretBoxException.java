package org.stockalerts.common.secrets;

/** A sealed value that cannot be opened. The message names why, never the value. */
public class SecretBoxException extends RuntimeException {

    SecretBoxException(String message) {
        super(message);
    }
}
