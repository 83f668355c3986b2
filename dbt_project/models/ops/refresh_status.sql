-- Reads the refresh log beside the warehouse file, so failures after the last publish show too.
with refresh_log as (
    select *
    from read_json(
        '{{ env_var("WAREHOUSE_DIR") }}/refresh_log.jsonl',
        format = 'newline_delimited',
        columns = {
            run_id: 'varchar', recorded_at: 'timestamptz', outcome: 'varchar', step: 'varchar', message: 'varchar'
        }
    )
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
