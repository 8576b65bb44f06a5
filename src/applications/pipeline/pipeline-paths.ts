/** The employer's pages of the pipeline. */
export const applicantsPath = (jobId: string): string => `/employer/jobs/${jobId}/applicants`;

export const applicationPath = (applicationId: string): string => `/employer/applications/${applicationId}`;

/** Where a member chooses how to hear about new applications. */
export const APPLICATION_EMAILS_PAGE = '/employer/notifications';
