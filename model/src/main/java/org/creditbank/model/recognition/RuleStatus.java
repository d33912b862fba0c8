package org.creditbank.model.recognition;

/** A rule can be applied while ACTIVE; a RETIRED rule stays readable for the decisions that used it. */
public enum RuleStatus { ACTIVE, RETIRED }
