package org.creditbank.model.teacher;

import org.creditbank.model.TrafficLight;

/**
 * How a teacher stands on one criterion: the total reached, the rule's totals, the level it gives
 * and how much more each higher level needs (0 once reached): what a teacher sees to know what
 * would raise the grade.
 */
public record CriterionResult(String name, Measure measure, long value, int green, int yellow, TrafficLight level,
                              long moreForGreen, long moreForYellow) {
}
