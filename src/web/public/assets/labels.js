// The words employees see instead of the API's internal names.

const CATEGORY_LABELS = {
  Recruitment: 'Hiring & recruitment',
  Payroll: 'Pay & payroll',
  Benefits: 'Benefits',
  Policy: 'Policies',
  LeaveManagement: 'Leave & time off',
  Performance: 'Performance & reviews',
  General: 'General HR',
};

export const categoryLabel = (category) => CATEGORY_LABELS[category] ?? category ?? '';

const CASE_STATUS_LABELS = {
  open: 'Waiting for a person in HR',
  assigned: 'A person in HR is on it',
  waiting_on_employee: 'HR replied: your turn',
  resolved: 'Resolved',
};

/** How a conversation stands, in the employee's words. */
export function statusLabel(conversation) {
  if (conversation.case_status)
    return CASE_STATUS_LABELS[conversation.case_status] ?? conversation.case_status;
  return conversation.status === 'Resolved' ? 'Resolved' : 'Answered';
}
