package org.stockalerts.api.security;

import java.util.UUID;

/** The user of each federated identity; the user feature implements it, so this package needs none of it. */
public interface FederatedUsers {

    /** The user linked to {@code identity}, created with the link the first time the identity is seen. */
    UUID userOf(FederatedIdentity identity);
}
