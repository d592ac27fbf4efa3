import { useId } from 'react';

export interface RadioChoice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** One sentence on what this choice means; read out after the label, not as part of it. */
  readonly hint?: string;
}

/**
 * A labelled group of radio buttons. Each group gets its own `name`, so it never merges with
 * another group on the page (the header has a theme switch too), and arrow keys stay inside it.
 */
export function RadioChoices<T extends string>({
  legend,
  lead,
  value,
  choices,
  onChange,
  className,
}: {
  legend: string;
  lead?: string;
  value: T;
  choices: readonly RadioChoice<T>[];
  onChange: (value: T) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className={`choices${className ? ` ${className}` : ''}`} role="radiogroup" aria-labelledby={`${id}-legend`} {...(lead ? { 'aria-describedby': `${id}-lead` } : {})}>
      <legend id={`${id}-legend`}>{legend}</legend>
      {lead && (
        <p id={`${id}-lead`} className="field-hint">
          {lead}
        </p>
      )}
      {choices.map((choice) => (
        <div key={choice.value} className="choice">
          <input
            id={`${id}-${choice.value}`}
            type="radio"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            {...(choice.hint ? { 'aria-describedby': `${id}-${choice.value}-hint` } : {})}
            onChange={() => {
              onChange(choice.value);
            }}
          />
          <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          {choice.hint && (
            <p id={`${id}-${choice.value}-hint`} className="choice-hint">
              {choice.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
