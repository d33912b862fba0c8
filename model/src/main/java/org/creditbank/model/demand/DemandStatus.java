package org.creditbank.model.demand;

/** A talent demand is OPEN (and counts) until its enterprise withdraws it, for good. */
public enum DemandStatus {
    OPEN,
    WITHDRAWN
}
