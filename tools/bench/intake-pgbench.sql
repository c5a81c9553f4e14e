-- The bare SQL of one filing, as intake runs it: the unit's daily number, the dossier row, its
-- public step and its two outbox events (padded to the size of intake's envelopes), in one
-- transaction. :unit picks one of Huế's 40 communes.
\set unit random(0, 39)
\set n random(1, 2000000000)
BEGIN;
INSERT INTO dossier_code_sequences (unit_code, day, last_number)
  VALUES ((SELECT code FROM bench_units WHERE position = :unit), current_date, 1)
  ON CONFLICT (unit_code, day) DO UPDATE SET last_number = dossier_code_sequences.last_number + 1 RETURNING last_number;
INSERT INTO dossiers (id, code, status, procedure_code, procedure_version, province_code, receiving_unit_code, channel,
    applicant_name, applicant_phone, applicant_email, applicant_address, applicant_commune_code, subject_commune_code,
    citizen_id_ciphertext, citizen_id_index, account_subject, documents, missing_documents, intake_note, filed_by,
    idempotency_key, request_hash, filed_at, received_at, counting_from, due_at, appointment_date, updated_at)
  SELECT gen_random_uuid(), 'PG-' || :n || '-' || gen_random_uuid(), 2, 'HKD-DANGKY', 1, '46', code, 'counter',
    'Nguyễn Văn An', '0912345678', NULL, '12 Lê Lợi', code, code,
    'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAA', md5(:n::text), NULL,
    '[{"type":"registration-application","fileName":"a.pdf","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":1000}]',
    '[]', NULL, 'desk', NULL, md5(:n::text), now(), now(), now(), now() + interval '3 days', current_date + 3, now()
  FROM bench_units WHERE position = :unit
  RETURNING id \gset
INSERT INTO dossier_public_history (dossier_id, event_id, from_status, to_status, action, occurred_at)
  VALUES (':id'::uuid, gen_random_uuid(), NULL, 2, 'receive', now());
INSERT INTO messaging_outbox (event_id, topic, message_key, event_type, correlation_id, envelope)
  VALUES (gen_random_uuid(), 'dossier.events', ':id'::uuid, 'DossierStatusChanged', 'bench', json_build_object('payload', repeat('x', 700))),
         (gen_random_uuid(), 'dossier.events', ':id'::uuid, 'DossierReceived', 'bench', json_build_object('payload', repeat('x', 1500)));
COMMIT;
