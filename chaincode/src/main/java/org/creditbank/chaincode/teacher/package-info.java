/**
 * Teachers' digital-competence grades (教师数字能力红黄绿): schools appoint teachers (pseudonymous
 * learner accounts), publish their grading rule, and any member reads a teacher's grade, computed
 * by {@link org.creditbank.model.teacher.TeacherGrading} from the teacher's outcomes.
 */
package org.creditbank.chaincode.teacher;
