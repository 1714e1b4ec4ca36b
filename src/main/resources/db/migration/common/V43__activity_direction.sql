-- Who made the contact: OUTBOUND (we did; the conduct rules apply) or INBOUND (the customer did; always recorded)
ALTER TABLE activity ADD COLUMN direction VARCHAR(8) DEFAULT 'OUTBOUND' NOT NULL;
