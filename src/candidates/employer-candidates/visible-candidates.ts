/**
 * Who employers may find: candidates who chose to be visible to verified
 * employers, with a verified address (invitations go to it) and an account
 * in use. `p` is candidate_profiles, `u` its user.
 */
export const VISIBLE_CANDIDATE = `p.visibility = 'employers' AND u.role = 'candidate' AND u.email_verified AND u.disabled_at IS NULL`;
