package org.creditbank.model.outcome;

/** What sort of learning a record attests (学习成果类型). */
public enum OutcomeKind {
    COURSE,
    MICRO_CREDENTIAL,
    SKILL_CERTIFICATE,
    ENTERPRISE_TRAINING,
    COMPETITION_AWARD,
    WORK_EXPERIENCE
}
