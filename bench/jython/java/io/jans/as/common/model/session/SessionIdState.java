package io.jans.as.common.model.session;

/** Bench double of Janssen's session state enum: the two states the 2FA sample can meet. */
public enum SessionIdState {
    UNAUTHENTICATED,
    AUTHENTICATED
}
