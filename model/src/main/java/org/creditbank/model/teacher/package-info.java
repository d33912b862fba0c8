/**
 * Teachers' digital-competence grades (教师数字能力红黄绿): a school's appointment of a teacher
 * (a pseudonymous learner account), its versioned grading rule and
 * {@link org.creditbank.model.teacher.TeacherGrading}, the pure computation of a teacher's grade
 * from their outcomes. Formulas in docs/industry-education.md.
 */
package org.creditbank.model.teacher;
