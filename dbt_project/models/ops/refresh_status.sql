-- Reads the copy of the refresh log inside the warehouse (raw.refresh_log), never the log file
-- by path, so the published file answers the same wherever it is copied.
with refresh_log as (
    select * from {{ source('operations', 'refresh_log') }}
),

last_attempt as (
    select *
    from refresh_log
    order by recorded_at desc
    limit 1
),

last_success as (
    select max(recorded_at) as last_successful_refresh_at
    from refresh_log
    where outcome = 'success'
)

select
    last_success.last_successful_refresh_at,
    last_attempt.recorded_at as last_attempt_at,
    last_attempt.outcome as last_attempt_outcome,
    last_attempt.step as last_attempt_step,
    last_attempt.message as last_attempt_message,
    last_attempt.run_id as last_attempt_run_id
from last_success
left join last_attempt on true
