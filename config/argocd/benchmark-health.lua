-- Argo CD health of a redline.dev Benchmark, built from its conditions.
-- Healthy: the current run is Complete and no gate (SLOMet, Regressed) says no.
-- Degraded: invalid spec, failed or cancelled run, SLOs violated, a regression, or a gate that cannot
-- decide (a baseline that does not exist, missing samples, a metric only one run has).
-- Progressing: the operator has not seen this spec yet, the run goes on, or a gate waits for its inputs.
-- (The first run of a Benchmark gated on its own previous run has nothing to compare with: Healthy.)
local hs = {}
local function condition(obj, type)
  if obj.status == nil or obj.status.conditions == nil then return nil end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == type then return c end
  end
  return nil
end
if obj.status == nil or obj.status.observedGeneration == nil
    or (obj.metadata.generation ~= nil and obj.status.observedGeneration < obj.metadata.generation) then
  hs.status = "Progressing"
  hs.message = "waiting for the operator to pick up this spec"
  return hs
end
local accepted = condition(obj, "Accepted")
if accepted ~= nil and accepted.status == "False" then
  hs.status = "Degraded"
  hs.message = "invalid spec: " .. (accepted.message or "")
  return hs
end
local failed = condition(obj, "Failed")
if failed ~= nil and failed.status == "True" then
  hs.status = "Degraded"
  hs.message = (failed.reason or "Failed") .. ": " .. (failed.message or "")
  return hs
end
local complete = condition(obj, "Complete")
if complete == nil or complete.status ~= "True" then
  local running = condition(obj, "Running")
  hs.status = "Progressing"
  hs.message = (running ~= nil and running.message) or (complete ~= nil and complete.message) or "starting"
  return hs
end
local slo = condition(obj, "SLOMet")
if slo ~= nil and slo.status == "False" then
  hs.status = "Degraded"
  hs.message = "SLOs violated: " .. (slo.message or "")
  return hs
end
local regressed = condition(obj, "Regressed")
if regressed ~= nil and regressed.status == "True" then
  hs.status = "Degraded"
  hs.message = "regressed: " .. (regressed.message or "")
  return hs
end
if regressed ~= nil and regressed.status == "Unknown" and regressed.reason ~= "NoEarlierRun" then
  -- waiting for a baseline or results is progress; anything else needs a fix in the spec or the data
  local waiting = regressed.reason == "AwaitingBaseline" or regressed.reason == "AwaitingResults"
  hs.status = waiting and "Progressing" or "Degraded"
  hs.message = "regression gate " .. (regressed.reason or "") .. ": " .. (regressed.message or "")
  return hs
end
if slo ~= nil and slo.status == "Unknown" then
  hs.status = slo.reason == "AwaitingResults" and "Progressing" or "Degraded"
  hs.message = "SLO gate " .. (slo.reason or "") .. ": " .. (slo.message or "")
  return hs
end
hs.status = "Healthy"
hs.message = complete.message or "complete"
local saturated = condition(obj, "ClientSaturated")
if saturated ~= nil and saturated.status == "True" then
  hs.message = hs.message .. "; warning: " .. (saturated.message or "client saturated")
end
return hs
