package org.creditbank.model.points;

/** Life of a school's confirmation: CONFIRMED until the school withdraws it, for good. */
public enum ConfirmationStatus {
    CONFIRMED,
    WITHDRAWN
}
